import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { boroughs, dataVersions, neighborhoods } from '../../db/schema/index.js';
import { readAreasFile } from './areas-data.js';

/** Upserts regions' boroughs and neighbourhoods by slug; skipped when the file is unchanged. */
export async function loadAreas(db: Db, path?: string): Promise<{ loaded: boolean }> {
  const { data, hash } = readAreasFile(path);
  const [current] = await db.select().from(dataVersions).where(eq(dataVersions.name, 'areas'));
  if (current?.hash === hash) return { loaded: false };
  await db.transaction(async (tx) => {
    for (const region of data.regions) {
      await tx
        .insert(boroughs)
        .values(
          region.boroughs.map((b) => ({
            slug: b.slug,
            name: b.name,
            regionSlug: region.slug,
            regionName: region.name,
            timezone: region.timezone,
            aliases: b.aliases,
          })),
        )
        .onConflictDoUpdate({
          target: boroughs.slug,
          set: {
            name: sql`excluded.name`,
            regionSlug: sql`excluded.region_slug`,
            regionName: sql`excluded.region_name`,
            timezone: sql`excluded.timezone`,
            aliases: sql`excluded.aliases`,
          },
        });
      const hoods = region.boroughs.flatMap((b) =>
        b.neighborhoods.map((n) => ({ slug: n.slug, name: n.name, boroughSlug: b.slug, aliases: n.aliases })),
      );
      await tx
        .insert(neighborhoods)
        .values(hoods)
        .onConflictDoUpdate({
          target: neighborhoods.slug,
          set: {
            name: sql`excluded.name`,
            boroughSlug: sql`excluded.borough_slug`,
            aliases: sql`excluded.aliases`,
          },
        });
    }
    await tx
      .insert(dataVersions)
      .values({ name: 'areas', hash })
      .onConflictDoUpdate({ target: dataVersions.name, set: { hash, loadedAt: sql`now()` } });
  });
  return { loaded: true };
}
