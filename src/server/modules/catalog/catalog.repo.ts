import { asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { categories, services } from '../../db/schema/index.js';

export interface CategoryRow {
  id: string;
  slug: string;
  name: string;
  subtitle: string;
  description: string;
  icon: string;
  displayOrder: number;
}

export interface ServiceWithStats {
  id: string;
  slug: string;
  name: string;
  categoryId: string;
  categorySlug: string;
  description: string;
  searchTerms: string[];
  relatedSlugs: string[];
  onlineCapable: boolean;
  requiresCertification: boolean;
  typicalDurations: number[];
  displayOrder: number;
  instructorCount: number;
  minRateCents: number | null;
  maxRateCents: number | null;
  /** Confirmed or completed bookings created in the last 30 days. */
  recentBookings: number;
  /** 0–1 from the last service-analytics run (decision 0016); 0 before the first. */
  demandScore: number;
  trending: boolean;
}

export async function listCategories(db: Db): Promise<CategoryRow[]> {
  return db.select().from(categories).orderBy(asc(categories.displayOrder));
}

/** Every active catalog service with its live offer: active instructors and their rate range. */
export async function listServicesWithStats(db: Db, now: Date): Promise<ServiceWithStats[]> {
  return rowsOf<ServiceWithStats>(
    db,
    sql`
      SELECT s.id, s.slug, s.name, s.category_id AS "categoryId", c.slug AS "categorySlug",
             s.description, s.search_terms AS "searchTerms", s.related_slugs AS "relatedSlugs",
             s.online_capable AS "onlineCapable", s.requires_certification AS "requiresCertification",
             s.typical_durations AS "typicalDurations", s.display_order AS "displayOrder",
             coalesce(o.instructor_count, 0)::int AS "instructorCount",
             o.min_rate AS "minRateCents", o.max_rate AS "maxRateCents",
             coalesce(d.n, 0)::int AS "recentBookings",
             coalesce(sa.demand_score, 0)::float8 AS "demandScore",
             coalesce(sa.trending, false) AS "trending"
      FROM services s
      JOIN categories c ON c.id = s.category_id
      LEFT JOIN (
        SELECT isv.service_id, count(DISTINCT isv.instructor_id) AS instructor_count,
               min(isv.hourly_rate_cents)::int AS min_rate, max(isv.hourly_rate_cents)::int AS max_rate
        FROM instructor_services isv JOIN users u ON u.id = isv.instructor_id
        WHERE isv.active AND u.account_status = 'active' AND u.email_verified_at IS NOT NULL
        GROUP BY isv.service_id
      ) o ON o.service_id = s.id
      LEFT JOIN (
        SELECT service_id, count(*) AS n FROM bookings
        WHERE status IN ('confirmed', 'completed')
          AND created_at > ${now.toISOString()}::timestamptz - interval '30 days'
        GROUP BY service_id
      ) d ON d.service_id = s.id
      LEFT JOIN service_analytics sa ON sa.service_id = s.id
      WHERE s.active
      ORDER BY c.display_order, s.display_order, s.slug`,
  );
}

/** Inserts or updates categories by slug. */
export async function upsertCategories(db: Db, rows: (typeof categories.$inferInsert)[]): Promise<void> {
  await db
    .insert(categories)
    .values(rows)
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
}

export async function categoryIdsBySlug(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: categories.id, slug: categories.slug }).from(categories);
  return new Map(rows.map((c) => [c.slug, c.id]));
}

/** Inserts or updates services by slug, each (re)activated. */
export async function upsertServices(db: Db, rows: (typeof services.$inferInsert)[]): Promise<void> {
  await db
    .insert(services)
    .values(rows.map((r) => ({ ...r, active: true })))
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
}

/** Retired, never deleted: offerings and bookings keep pointing at them. */
export async function retireServicesOtherThan(db: Db, slugs: string[]): Promise<void> {
  await db.update(services).set({ active: false }).where(notInArray(services.slug, slugs));
}

/** One catalog service by id or slug, retired ones included (the caller decides). */
export async function findService(db: Db, idOrSlug: { id?: string; slug?: string }) {
  const [row] = await db
    .select()
    .from(services)
    .where(idOrSlug.id ? eq(services.id, idOrSlug.id) : eq(services.slug, idOrSlug.slug!));
  return row;
}
