import type { Db } from '../../db/client.js';
import type { AppDeps } from '../../platform/deps.js';
import { allAreasWithAliases, boroughsWithSlugs, neighborhoodsWithSlugs } from './areas.repo.js';

export interface AreaRef {
  boroughSlug: string;
  /** '' for the whole borough. */
  neighborhoodSlug: string;
}

export class AreasService {
  private all?: ReturnType<typeof allAreasWithAliases>;

  constructor(private readonly deps: AppDeps) {}

  /** Every area with its names and aliases; loaded once (the areas file changes only at start-up). */
  everyArea(): ReturnType<typeof allAreasWithAliases> {
    this.all ??= allAreasWithAliases(this.deps.db);
    return this.all;
  }

  /**
   * Borough or neighbourhood slugs → area references; unknown slugs are returned for the error
   * message. `db` lets the caller read inside its own transaction.
   */
  async resolve(slugs: string[], db: Db = this.deps.db): Promise<{ areas: AreaRef[]; unknown: string[] }> {
    const wanted = [...new Set(slugs)];
    if (!wanted.length) return { areas: [], unknown: [] };
    const [b, n] = await Promise.all([boroughsWithSlugs(db, wanted), neighborhoodsWithSlugs(db, wanted)]);
    const areas = [
      ...b.map((x) => ({ boroughSlug: x.slug, neighborhoodSlug: '' })),
      ...n.map((x) => ({ boroughSlug: x.borough, neighborhoodSlug: x.slug })),
    ];
    const known = new Set([...b.map((x) => x.slug), ...n.map((x) => x.slug)]);
    return { areas, unknown: wanted.filter((s) => !known.has(s)) };
  }
}
