import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

/** A report's window: [start, end) as instants, and the zone its days are counted in. */
export interface Window {
  start: Date;
  end: Date;
  timezone: string;
}

// Every query filters search_events by created_at first (search_events_created_idx or a partial
// index from migration 0008), then aggregates in the database: no row leaves it unaggregated.
// At volume (bench/analytics-pg.ts: 500k events) the costs are count(DISTINCT), which sorts, and
// per-row work (regexes, jsonb expansion, date formatting). So the queries first group the window's
// rows by what they report on plus the searcher (a parallel hash aggregate), and do the per-row work
// and the distinct counts over those far fewer groups.
const inWindow = (w: Window, col = sql`e.created_at`) =>
  sql`${col} >= ${w.start.toISOString()}::timestamptz AND ${col} < ${w.end.toISOString()}::timestamptz`;
const localDay = (w: Window, col = sql`e.created_at`) =>
  sql`to_char((${col} AT TIME ZONE ${w.timezone})::date, 'YYYY-MM-DD')`;
// A searcher: the user, else the guest session; anonymous API calls count as no searcher.
const searcher = sql`coalesce(e.user_id::text, 'g:' || e.guest_session_id)`;

export async function summaryTotals(db: Db, w: Window) {
  const [row] = await rowsOf<{
    total: number;
    user_searches: number;
    guest_searches: number;
    users: number;
    guests: number;
    zero: number;
    avg_results: number | null;
  }>(
    db,
    // One group per (user, guest session): a guest's groups are one per session, so counting them
    // counts sessions; a user may span several sessions, so users stay a distinct count.
    sql`SELECT coalesce(sum(g.n), 0)::int AS total,
               coalesce(sum(g.n) FILTER (WHERE g.user_id IS NOT NULL), 0)::int AS user_searches,
               coalesce(sum(g.n) FILTER (WHERE g.user_id IS NULL), 0)::int AS guest_searches,
               count(DISTINCT g.user_id)::int AS users,
               count(*) FILTER (WHERE g.user_id IS NULL AND g.guest_session_id IS NOT NULL)::int AS guests,
               coalesce(sum(g.zero), 0)::int AS zero,
               (sum(g.results) / nullif(sum(g.n), 0))::float8 AS avg_results
        FROM (SELECT e.user_id, e.guest_session_id, count(*) AS n,
                     count(*) FILTER (WHERE e.result_count = 0) AS zero, sum(e.result_count) AS results
              FROM search_events e WHERE ${inWindow(w)} GROUP BY e.user_id, e.guest_session_id) g`,
  );
  return row!;
}

export function searchesByType(db: Db, w: Window) {
  return rowsOf<{ search_type: string; searches: number }>(
    db,
    sql`SELECT e.search_type, count(*)::int AS searches FROM search_events e
        WHERE ${inWindow(w)} GROUP BY e.search_type ORDER BY searches DESC, e.search_type`,
  );
}

export async function historyDeletion(db: Db, w: Window) {
  const [row] = await rowsOf<{ rows: number; deleted: number }>(
    db,
    sql`SELECT count(*)::int AS rows, count(*) FILTER (WHERE h.deleted_at IS NOT NULL)::int AS deleted
        FROM search_history h WHERE ${inWindow(w, sql`h.first_searched_at`)}`,
  );
  return row!;
}

export function trendsByDay(db: Db, w: Window) {
  return rowsOf<{ day: string; searches: number; users: number; guests: number }>(
    db,
    sql`SELECT to_char(g.day, 'YYYY-MM-DD') AS day, sum(g.n)::int AS searches,
               count(DISTINCT g.user_id)::int AS users,
               count(*) FILTER (WHERE g.user_id IS NULL AND g.guest_session_id IS NOT NULL)::int AS guests
        FROM (SELECT (e.created_at AT TIME ZONE ${w.timezone})::date AS day, e.user_id, e.guest_session_id,
                     count(*) AS n
              FROM search_events e WHERE ${inWindow(w)} GROUP BY 1, 2, 3) g
        GROUP BY g.day ORDER BY g.day`,
  );
}

export function popular(db: Db, w: Window, limit: number) {
  return rowsOf<{ query: string; searches: number; searchers: number; avg_results: number }>(
    db,
    sql`SELECT g.query, sum(g.n)::int AS searches, count(g.who)::int AS searchers,
               (sum(g.results) / sum(g.n))::float8 AS avg_results
        FROM (SELECT e.normalized_query AS query, ${searcher} AS who, count(*) AS n, sum(e.result_count) AS results
              FROM search_events e WHERE ${inWindow(w)} AND e.normalized_query <> '' GROUP BY 1, 2) g
        GROUP BY g.query ORDER BY searches DESC, g.query LIMIT ${limit}`,
  );
}

export function zeroResults(db: Db, w: Window, limit: number) {
  return rowsOf<{ query: string; searches: number; searchers: number; last_at: Date | string }>(
    db,
    sql`SELECT g.query, sum(g.n)::int AS searches, count(g.who)::int AS searchers, max(g.last_at) AS last_at
        FROM (SELECT e.normalized_query AS query, ${searcher} AS who, count(*) AS n, max(e.created_at) AS last_at
              FROM search_events e WHERE ${inWindow(w)} AND e.result_count = 0 GROUP BY 1, 2) g
        GROUP BY g.query ORDER BY searches DESC, g.query LIMIT ${limit}`,
  );
}

/**
 * Searches that showed nothing bookable (no result, or results none of which had a free time),
 * by the service, borough and time of day they asked for. A text naming two services counts for
 * each. Events recorded before bookable_count existed count only when they found nothing at all.
 */
export function unmetDemand(db: Db, w: Window, limit: number) {
  return rowsOf<{
    service: string;
    borough: string;
    time_of_day: string;
    searches: number;
    searchers: number;
    no_results: number;
  }>(
    db,
    sql`SELECT coalesce(s.value->>'slug', g.category, 'any') AS service, coalesce(g.borough, 'any') AS borough,
               coalesce(g.time_of_day, 'any') AS time_of_day, sum(g.n)::int AS searches,
               count(DISTINCT g.who)::int AS searchers, sum(g.no_results)::int AS no_results
        FROM (SELECT e.parsed->'services' AS services, e.parsed->>'category' AS category,
                     e.parsed->>'borough' AS borough, e.parsed->>'timeOfDay' AS time_of_day, ${searcher} AS who,
                     count(*) AS n, count(*) FILTER (WHERE e.result_count = 0) AS no_results
              FROM search_events e
              WHERE ${inWindow(w)} AND (e.result_count = 0 OR e.bookable_count = 0)
              GROUP BY 1, 2, 3, 4, 5) g
        LEFT JOIN LATERAL jsonb_array_elements(
          CASE WHEN jsonb_typeof(g.services) = 'array' THEN g.services ELSE '[]'::jsonb END
        ) s(value) ON true
        GROUP BY 1, 2, 3 ORDER BY searches DESC, searchers DESC, 1, 2, 3 LIMIT ${limit}`,
  );
}

/** Guest sessions that searched in the window, and whether each became a user (adoption sets user_id). */
export function guestConversionByDay(db: Db, w: Window) {
  return rowsOf<{ day: string; sessions: number; converted: number }>(
    db,
    sql`WITH g AS (
          SELECT e.guest_session_id, min(e.created_at) AS first_at, bool_or(e.user_id IS NOT NULL) AS converted
          FROM search_events e WHERE ${inWindow(w)} AND e.guest_session_id IS NOT NULL
          GROUP BY e.guest_session_id)
        SELECT ${localDay(w, sql`g.first_at`)} AS day, count(*)::int AS sessions,
               count(*) FILTER (WHERE g.converted)::int AS converted
        FROM g GROUP BY 1 ORDER BY 1`,
  );
}

/**
 * Bookings made in the window by someone who, in the 24 h before, ran a search that showed the
 * booked offering; and the searches that led to one.
 */
export async function searchToBooking(db: Db, w: Window) {
  // Bookings are far fewer than searches: start from the bookings that could follow a search in the
  // window (made up to 24 h after its end) and find their searches by (user, time) index.
  const end24 = sql`${w.end.toISOString()}::timestamptz + interval '24 hours'`;
  const [searches] = await rowsOf<{ user_searches: number; with_booking: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM search_events e WHERE ${inWindow(w)} AND e.user_id IS NOT NULL)
                 AS user_searches,
               (SELECT count(DISTINCT e.id)::int FROM bookings b
                  JOIN search_events e ON e.user_id = b.student_id AND e.created_at <= b.created_at
                   AND e.created_at > b.created_at - interval '24 hours'
                   AND b.instructor_service_id = ANY(e.shown_offering_ids)
                 WHERE b.created_at >= ${w.start.toISOString()}::timestamptz AND b.created_at < ${end24}
                   AND ${inWindow(w)}) AS with_booking`,
  );
  const byService = await rowsOf<{ service: string; bookings: number }>(
    db,
    sql`SELECT b.service_slug AS service, count(*)::int AS bookings
        FROM bookings b
        WHERE ${inWindow(w, sql`b.created_at`)} AND EXISTS (
          SELECT 1 FROM search_events e
          WHERE e.user_id = b.student_id AND e.created_at <= b.created_at
            AND e.created_at > b.created_at - interval '24 hours'
            AND b.instructor_service_id = ANY(e.shown_offering_ids))
        GROUP BY b.service_slug ORDER BY bookings DESC, service`,
  );
  return { ...searches!, byService };
}

/** The referring host (scheme, path and query dropped: they can carry personal data). */
export function referrers(db: Db, w: Window, limit: number) {
  return rowsOf<{ referrer: string; searches: number; searchers: number }>(
    db,
    sql`SELECT coalesce(nullif(substring(g.referrer from '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)'), ''),
                        CASE WHEN g.referrer IS NULL OR g.referrer = '' THEN 'direct' ELSE 'other' END) AS referrer,
               sum(g.n)::int AS searches, count(DISTINCT g.who)::int AS searchers
        FROM (SELECT e.referrer, ${searcher} AS who, count(*) AS n
              FROM search_events e WHERE ${inWindow(w)} GROUP BY 1, 2) g
        GROUP BY 1 ORDER BY searches DESC, referrer LIMIT ${limit}`,
  );
}

export function resultBuckets(db: Db, w: Window) {
  return rowsOf<{ bucket: string; searches: number }>(
    db,
    sql`SELECT CASE WHEN e.result_count = 0 THEN '0' WHEN e.result_count <= 5 THEN '1-5'
                    WHEN e.result_count <= 20 THEN '6-20' ELSE '21+' END AS bucket,
               count(*)::int AS searches
        FROM search_events e WHERE ${inWindow(w)} GROUP BY 1`,
  );
}

export async function latencyPercentiles(db: Db, w: Window) {
  const [row] = await rowsOf<{ p50: number | null; p95: number | null }>(
    db,
    sql`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY e.latency_ms)::float8 AS p50,
               percentile_cont(0.95) WITHIN GROUP (ORDER BY e.latency_ms)::float8 AS p95
        FROM search_events e WHERE ${inWindow(w)} AND e.latency_ms IS NOT NULL`,
  );
  return row!;
}

/** Texts searched at least `minSearches` times whose searches got a click less than a tenth of the time. */
export function problemQueries(db: Db, w: Window, limit: number, minSearches = 5) {
  return rowsOf<{ query: string; searches: number; clicks: number }>(
    db,
    // A click comes after its search, so clicks on the window's searches are made from its start on.
    sql`WITH clicked AS (
          SELECT DISTINCT i.search_event_id FROM search_interactions i
          WHERE i.kind = 'click' AND i.created_at >= ${w.start.toISOString()}::timestamptz)
        SELECT e.normalized_query AS query, count(*)::int AS searches, count(c.search_event_id)::int AS clicks
        FROM search_events e LEFT JOIN clicked c ON c.search_event_id = e.id
        WHERE ${inWindow(w)} AND e.normalized_query <> ''
        GROUP BY e.normalized_query
        HAVING count(*) >= ${minSearches} AND count(c.search_event_id) * 10 < count(*)
        ORDER BY searches DESC, query LIMIT ${limit}`,
  );
}

export async function clicks(db: Db, w: Window) {
  const [row] = await rowsOf<{ searches: number; with_click: number; mean_position: number | null }>(
    db,
    sql`WITH c AS (
          SELECT i.search_event_id, i.position FROM search_interactions i
          JOIN search_events e ON e.id = i.search_event_id
          WHERE i.kind = 'click' AND ${inWindow(w)})
        SELECT (SELECT count(*)::int FROM search_events e WHERE ${inWindow(w)}) AS searches,
               (SELECT count(DISTINCT search_event_id)::int FROM c) AS with_click,
               (SELECT avg(position)::float8 FROM c WHERE position IS NOT NULL) AS mean_position`,
  );
  return row!;
}

/** Per catalog service named by searches: searches per half of the window, profile views, bookings. */
export function serviceDemand(db: Db, w: Window, limit: number) {
  const mid = new Date((w.start.getTime() + w.end.getTime()) / 2);
  return rowsOf<{
    service: string;
    searches: number;
    first_half: number;
    second_half: number;
    views: number;
    bookings: number;
  }>(
    db,
    sql`WITH t AS (
          SELECT e.parsed->'services' AS services,
                 count(*) FILTER (WHERE e.created_at < ${mid.toISOString()}::timestamptz) AS first_half,
                 count(*) FILTER (WHERE e.created_at >= ${mid.toISOString()}::timestamptz) AS second_half
          FROM search_events e WHERE ${inWindow(w)} GROUP BY 1),
        s AS (
          SELECT sv.value->>'slug' AS service, sum(t.first_half + t.second_half)::int AS searches,
                 sum(t.first_half)::int AS first_half, sum(t.second_half)::int AS second_half
          FROM t CROSS JOIN LATERAL jsonb_array_elements(
            CASE WHEN jsonb_typeof(t.services) = 'array' THEN t.services ELSE '[]'::jsonb END
          ) sv(value)
          GROUP BY 1),
        v AS (
          SELECT c.slug AS service, count(*)::int AS views FROM search_interactions i
          JOIN instructor_services o ON o.id = i.instructor_service_id
          JOIN services c ON c.id = o.service_id
          WHERE i.kind IN ('view', 'click') AND ${inWindow(w, sql`i.created_at`)} GROUP BY 1),
        b AS (
          SELECT b.service_slug AS service, count(*)::int AS bookings FROM bookings b
          WHERE ${inWindow(w, sql`b.created_at`)} GROUP BY 1)
        SELECT s.service, s.searches, s.first_half, s.second_half,
               coalesce(v.views, 0)::int AS views, coalesce(b.bookings, 0)::int AS bookings
        FROM s LEFT JOIN v ON v.service = s.service LEFT JOIN b ON b.service = s.service
        WHERE s.service IS NOT NULL
        ORDER BY s.searches DESC, s.service LIMIT ${limit}`,
  );
}
