import { eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { categories, dataVersions, services } from '../../db/schema/index.js';
import { readCatalogFile } from './catalog-data.js';

/**
 * Upserts the catalog by slug. An unchanged file (same hash) is skipped, so a restart does not
 * rewrite it; services removed from the file are retired (inactive), never deleted.
 */
export async function loadCatalog(db: Db, path?: string): Promise<{ loaded: boolean; services: number }> {
  const { data, hash } = readCatalogFile(path);
  const [current] = await db.select().from(dataVersions).where(eq(dataVersions.name, 'catalog'));
  if (current?.hash === hash) return { loaded: false, services: data.services.length };
  await db.transaction(async (tx) => {
    await tx
      .insert(categories)
      .values(data.categories)
      .onConflictDoUpdate({
        target: categories.slug,
        set: {
          name: sql`excluded.name`,
          subtitle: sql`excluded.subtitle`,
          description: sql`excluded.description`,
          icon: sql`excluded.icon`,
          displayOrder: sql`excluded.display_order`,
        },
      });
    const catIds = new Map((await tx.select().from(categories)).map((c) => [c.slug, c.id]));
    await tx
      .insert(services)
      .values(
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
          active: true,
        })),
      )
      .onConflictDoUpdate({
        target: services.slug,
        set: {
          name: sql`excluded.name`,
          categoryId: sql`excluded.category_id`,
          description: sql`excluded.description`,
          searchTerms: sql`excluded.search_terms`,
          relatedSlugs: sql`excluded.related_slugs`,
          onlineCapable: sql`excluded.online_capable`,
          requiresCertification: sql`excluded.requires_certification`,
          typicalDurations: sql`excluded.typical_durations`,
          displayOrder: sql`excluded.display_order`,
          active: true,
          updatedAt: sql`now()`,
        },
      });
    await tx
      .update(services)
      .set({ active: false })
      .where(
        notInArray(
          services.slug,
          data.services.map((s) => s.slug),
        ),
      );
    await tx
      .insert(dataVersions)
      .values({ name: 'catalog', hash })
      .onConflictDoUpdate({ target: dataVersions.name, set: { hash, loadedAt: sql`now()` } });
  });
  return { loaded: true, services: data.services.length };
}
