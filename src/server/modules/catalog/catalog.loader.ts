import type { Db } from '../../db/client.js';
import { loadedDataHash, recordDataLoaded } from '../../db/data-versions.repo.js';
import { readCatalogFile } from './catalog-data.js';
import {
  categoryIdsBySlug,
  retireServicesOtherThan,
  upsertCategories,
  upsertServices,
} from './catalog.repo.js';

/**
 * Upserts the catalog by slug. An unchanged file (same hash) is skipped, so a restart does not
 * rewrite it; services removed from the file are retired (inactive), never deleted.
 */
export async function loadCatalog(db: Db, path?: string): Promise<{ loaded: boolean; services: number }> {
  const { data, hash } = readCatalogFile(path);
  if ((await loadedDataHash(db, 'catalog')) === hash)
    return { loaded: false, services: data.services.length };
  await db.transaction(async (tx) => {
    await upsertCategories(tx, data.categories);
    const catIds = await categoryIdsBySlug(tx);
    await upsertServices(
      tx,
      data.services.map((s) => ({
        slug: s.slug,
        name: s.name,
        categoryId: catIds.get(s.category)!,
        description: s.description,
        searchTerms: s.searchTerms,
        relatedSlugs: s.related,
        onlineCapable: s.onlineCapable,
        requiresCertification: s.requiresCertification,
        typicalDurations: s.typicalDurations,
        displayOrder: s.displayOrder,
      })),
    );
    await retireServicesOtherThan(
      tx,
      data.services.map((s) => s.slug),
    );
    await recordDataLoaded(tx, 'catalog', hash);
  });
  return { loaded: true, services: data.services.length };
}
