import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { boroughs, neighborhoods } from '../../db/schema/index.js';

export type BoroughValues = typeof boroughs.$inferInsert;
export type NeighborhoodValues = typeof neighborhoods.$inferInsert;

/** Inserts or updates by slug; a borough no longer in the file is kept (instructors may name it). */
export async function upsertBoroughs(db: Db, rows: BoroughValues[]): Promise<void> {
  await db
    .insert(boroughs)
    .values(rows)
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
}

export async function upsertNeighborhoods(db: Db, rows: NeighborhoodValues[]): Promise<void> {
  await db
    .insert(neighborhoods)
    .values(rows)
    .onConflictDoUpdate({
      target: neighborhoods.slug,
      set: {
        name: sql`excluded.name`,
        boroughSlug: sql`excluded.borough_slug`,
        aliases: sql`excluded.aliases`,
      },
    });
}

export async function boroughsWithSlugs(db: Db, slugs: string[]): Promise<{ slug: string }[]> {
  return db.select({ slug: boroughs.slug }).from(boroughs).where(inArray(boroughs.slug, slugs));
}

export async function neighborhoodsWithSlugs(
  db: Db,
  slugs: string[],
): Promise<{ slug: string; borough: string }[]> {
  return db
    .select({ slug: neighborhoods.slug, borough: neighborhoods.boroughSlug })
    .from(neighborhoods)
    .where(inArray(neighborhoods.slug, slugs));
}

/** Every borough and neighbourhood with its aliases: what the search parser reads places from. */
export async function allAreasWithAliases(db: Db) {
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
