import { asc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { serviceAnalytics, services } from '../../db/schema/index.js';

export interface ServiceDemandAggregates {
  serviceId: string;
  searches7d: number;
  searches30d: number;
  bookings7d: number;
  bookings30d: number;
  priceP25Cents: number | null;
  priceMedianCents: number | null;
  priceP75Cents: number | null;
  mostBookedDuration: number | null;
  activeInstructors: number;
}

export type ServiceAnalyticsRow = typeof serviceAnalytics.$inferSelect;

/**
 * Per active catalog service, over the 30 days before `now`: searches that named it (a text
 * naming two services counts for each), confirmed or completed bookings made, the most booked
 * duration; and over its live offerings today, the rate quartiles and the active instructors.
 */
export function serviceDemandAggregates(db: Db, now: Date): Promise<ServiceDemandAggregates[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  return rowsOf<ServiceDemandAggregates>(
    db,
    sql`WITH s AS (
          SELECT sv.value->>'slug' AS slug,
                 count(*) FILTER (WHERE e.created_at >= ${at} - interval '7 days') AS s7,
                 count(*) AS s30
          FROM search_events e
          CROSS JOIN LATERAL jsonb_array_elements(
            CASE WHEN jsonb_typeof(e.parsed->'services') = 'array' THEN e.parsed->'services' ELSE '[]'::jsonb END
          ) sv(value)
          WHERE e.created_at >= ${at} - interval '30 days' AND e.created_at < ${at}
          GROUP BY 1),
        b AS (
          SELECT bk.service_id,
                 count(*) FILTER (WHERE bk.created_at >= ${at} - interval '7 days') AS b7,
                 count(*) AS b30,
                 mode() WITHIN GROUP (ORDER BY bk.duration_minutes) AS duration
          FROM bookings bk
          WHERE bk.status IN ('confirmed', 'completed')
            AND bk.created_at >= ${at} - interval '30 days' AND bk.created_at < ${at}
          GROUP BY 1),
        o AS (
          SELECT isv.service_id, count(DISTINCT isv.instructor_id) AS instructors,
                 percentile_disc(0.25) WITHIN GROUP (ORDER BY isv.hourly_rate_cents) AS p25,
                 percentile_disc(0.5) WITHIN GROUP (ORDER BY isv.hourly_rate_cents) AS p50,
                 percentile_disc(0.75) WITHIN GROUP (ORDER BY isv.hourly_rate_cents) AS p75
          FROM instructor_services isv JOIN users u ON u.id = isv.instructor_id
          WHERE isv.active AND u.account_status = 'active'
          GROUP BY 1)
        SELECT c.id AS "serviceId",
               coalesce(s.s7, 0)::int AS "searches7d", coalesce(s.s30, 0)::int AS "searches30d",
               coalesce(b.b7, 0)::int AS "bookings7d", coalesce(b.b30, 0)::int AS "bookings30d",
               o.p25::int AS "priceP25Cents", o.p50::int AS "priceMedianCents", o.p75::int AS "priceP75Cents",
               b.duration::int AS "mostBookedDuration",
               coalesce(o.instructors, 0)::int AS "activeInstructors"
        FROM services c
        LEFT JOIN s ON s.slug = c.slug
        LEFT JOIN b ON b.service_id = c.id
        LEFT JOIN o ON o.service_id = c.id
        WHERE c.active`,
  );
}

/** Writes the whole set computed at `computedAt`; rows of services no longer in it go. */
export async function replaceServiceAnalytics(
  db: Db,
  rows: ServiceAnalyticsRow[],
  computedAt: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (rows.length)
      await tx
        .insert(serviceAnalytics)
        .values(rows)
        .onConflictDoUpdate({
          target: serviceAnalytics.serviceId,
          set: {
            searches7d: sql`excluded.searches_7d`,
            searches30d: sql`excluded.searches_30d`,
            bookings7d: sql`excluded.bookings_7d`,
            bookings30d: sql`excluded.bookings_30d`,
            priceP25Cents: sql`excluded.price_p25_cents`,
            priceMedianCents: sql`excluded.price_median_cents`,
            priceP75Cents: sql`excluded.price_p75_cents`,
            mostBookedDuration: sql`excluded.most_booked_duration`,
            activeInstructors: sql`excluded.active_instructors`,
            demandScore: sql`excluded.demand_score`,
            trending: sql`excluded.trending`,
            computedAt: sql`excluded.computed_at`,
          },
        });
    await tx.delete(serviceAnalytics).where(ne(serviceAnalytics.computedAt, computedAt));
  });
}

/** The last computed set, with each service's slug and name, most demanded first. */
export function listServiceAnalytics(db: Db, limit: number) {
  return db
    .select({ slug: services.slug, name: services.name, a: serviceAnalytics })
    .from(serviceAnalytics)
    .innerJoin(services, eq(services.id, serviceAnalytics.serviceId))
    .orderBy(sql`${serviceAnalytics.demandScore} DESC`, asc(services.slug))
    .limit(limit);
}
