import type { Db } from '../../db/client.js';
import { boroughs, neighborhoods } from '../../db/schema/index.js';
import type { AreaIndex } from './query/parse-query.js';

/** Every borough and neighbourhood with its aliases, as the query parser reads places. */
export async function loadAreaIndex(db: Db): Promise<AreaIndex> {
  const [b, n] = [await db.select().from(boroughs), await db.select().from(neighborhoods)];
  return {
    boroughs: b.map((x) => ({ slug: x.slug, name: x.name, aliases: x.aliases })),
    neighborhoods: n.map((x) => ({
      slug: x.slug,
      name: x.name,
      boroughSlug: x.boroughSlug,
      aliases: x.aliases,
    })),
  };
}
