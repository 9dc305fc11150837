import type { Db } from '../../db/client.js';
import { loadedDataHash, recordDataLoaded } from '../../db/data-versions.repo.js';
import { readAreasFile } from './areas-data.js';
import { upsertBoroughs, upsertNeighborhoods } from './areas.repo.js';

/** Upserts regions' boroughs and neighbourhoods by slug; skipped when the file is unchanged. */
export async function loadAreas(db: Db, path?: string): Promise<{ loaded: boolean }> {
  const { data, hash } = readAreasFile(path);
  if ((await loadedDataHash(db, 'areas')) === hash) return { loaded: false };
  await db.transaction(async (tx) => {
    for (const region of data.regions) {
      await upsertBoroughs(
        tx,
        region.boroughs.map((b) => ({
          slug: b.slug,
          name: b.name,
          regionSlug: region.slug,
          regionName: region.name,
          timezone: region.timezone,
          aliases: b.aliases,
        })),
      );
      await upsertNeighborhoods(
        tx,
        region.boroughs.flatMap((b) =>
          b.neighborhoods.map((n) => ({
            slug: n.slug,
            name: n.name,
            boroughSlug: b.slug,
            aliases: n.aliases,
          })),
        ),
      );
    }
    await recordDataLoaded(tx, 'areas', hash);
  });
  return { loaded: true };
}
