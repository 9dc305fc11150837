// npm run bench:analytics — the admin search-analytics reports on PostgreSQL at a realistic volume
// (issue 14, item 1): the demo marketplace plus BENCH_EVENTS (default 500,000) search events spread
// over 90 days, with clicks and views on a fifth of them and history rows for the searchers. Times
// every report through the API at 7, 30 and 90 days (median of BENCH_RUNS after one warm-up call)
// and writes the "## Search analytics on PostgreSQL" section of docs/PERFORMANCE.md. Goal: each
// report under 200 ms.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { admin, call, dbUrl, startInstance, stopInstance, writeSection } from './pg-kit.js';

const DB = 'ii_analytics_bench';
const PORT = 4123;
const EVENTS = Number(process.env.BENCH_EVENTS ?? 500_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_REPORTS?.split(',');
const GOAL_MS = 200;
const SECTION = '## Search analytics on PostgreSQL';
const REPORTS = [
  'summary',
  'trends',
  'popular',
  'zero-results',
  'unmet-demand',
  'conversion',
  'bookings',
  'referrers',
  'performance',
  'click-through',
  'service-demand',
] as const;
const RANGES = ['7', '30', '90'] as const;

/**
 * Search events the way the app writes them, in one statement: a fifth of the catalog draws most
 * searches (squared random index), 40 % signed in, 5 % guests who later signed up (both ids), about
 * 10 % with no result and 15 % with results none of which was bookable, a borough on a third and a
 * time of day on a quarter, referrers from a few hosts or none.
 */
const INSERT_EVENTS = `
  WITH u AS (SELECT array_agg(id ORDER BY id) AS a FROM users WHERE email LIKE 'student%'),
       s AS (SELECT array_agg(slug ORDER BY slug) AS a FROM services),
       o AS (SELECT array_agg(id ORDER BY id) AS a FROM instructor_services),
       r AS (SELECT g, random() AS who, random() AS pick, power(random(), 2) AS svc, random() AS res,
                    random() AS place, random() AS tod, random() AS ref, random() AS age
               FROM generate_series(1, $1::int) AS g)
  INSERT INTO search_events (user_id, guest_session_id, query, normalized_query, search_type, parsed,
                             result_count, bookable_count, shown_offering_ids, latency_ms, device_type,
                             referrer, created_at)
  SELECT CASE WHEN r.who < 0.45 THEN u.a[1 + floor(r.pick * cardinality(u.a))::int] END,
         CASE WHEN r.who >= 0.40 THEN 'bench-guest-' || floor(r.pick * 60000)::int END,
         q.slug || q.tail, q.slug || q.tail, 'natural_language',
         jsonb_build_object('services', jsonb_build_array(jsonb_build_object('slug', q.slug)),
                            'borough', q.borough, 'timeOfDay', q.tod),
         CASE WHEN r.res < 0.10 THEN 0 ELSE 1 + floor(r.res * 40)::int END,
         CASE WHEN r.res < 0.25 THEN 0 ELSE 1 + floor(r.res * 20)::int END,
         CASE WHEN r.res < 0.10 THEN '{}'::uuid[]
              ELSE ARRAY[o.a[1 + floor(r.svc * cardinality(o.a))::int],
                         o.a[1 + floor(r.pick * cardinality(o.a))::int]] END,
         5 + floor(r.ref * 60)::int,
         CASE WHEN r.tod < 0.6 THEN 'mobile' ELSE 'desktop' END,
         CASE WHEN r.ref < 0.5 THEN NULL WHEN r.ref < 0.8 THEN 'https://www.google.com/search?q=x'
              WHEN r.ref < 0.9 THEN 'https://instagram.com/p/abc' ELSE 'https://news.example.org/a' END,
         now() - r.age * interval '90 days'
    FROM r, u, o, s,
         LATERAL (SELECT s.a[1 + floor(r.svc * cardinality(s.a))::int] AS slug,
                         CASE WHEN r.place < 0.33 THEN (ARRAY['bronx','brooklyn','manhattan','queens','staten-island'])[1 + floor(r.place * 15)::int] END AS borough,
                         CASE WHEN r.tod < 0.25 THEN (ARRAY['morning','afternoon','evening'])[1 + floor(r.tod * 12)::int] END AS tod,
                         CASE WHEN r.place < 0.33 THEN ' in the city' WHEN r.tod < 0.25 THEN ' after work' ELSE '' END AS tail) q`;

/** A view on a fifth of the shown searches and a click on half of those, a few seconds after. */
const INSERT_INTERACTIONS = `
  INSERT INTO search_interactions (search_event_id, kind, instructor_service_id, position,
                                   time_to_interaction_ms, user_id, guest_session_id, created_at)
  SELECT e.id, k.kind, e.shown_offering_ids[1], k.position, 4000, e.user_id, e.guest_session_id,
         e.created_at + interval '4 seconds'
    FROM search_events e
    CROSS JOIN LATERAL (VALUES ('view', 1), ('click', 1 + (abs(hashtext(e.id::text)) % 5))) AS k(kind, position)
   WHERE cardinality(e.shown_offering_ids) > 0 AND abs(hashtext(e.id::text)) % 5 = 0
     AND (k.kind = 'view' OR abs(hashtext(e.id::text)) % 10 = 0)`;

/** One history row per searcher and text, as the app keeps them; a twentieth deleted by their owner. */
const INSERT_HISTORY = `
  INSERT INTO search_history (user_id, guest_session_id, query, normalized_query, search_type,
                              search_count, result_count, first_searched_at, last_searched_at, deleted_at)
  SELECT CASE WHEN user_id IS NOT NULL THEN user_id END,
         CASE WHEN user_id IS NULL THEN guest_session_id END,
         normalized_query, normalized_query, 'natural_language', count(*)::int, max(result_count),
         min(created_at), max(created_at),
         CASE WHEN abs(hashtext(normalized_query)) % 20 = 0 THEN max(created_at) END
    FROM search_events
   GROUP BY 1, 2, normalized_query`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const ms = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));

async function seed(): Promise<{ events: number; interactions: number; history: number; seconds: number }> {
  const started = performance.now();
  const c = new pg.Client({ connectionString: dbUrl(DB) });
  await c.connect();
  try {
    // Batches of 100k keep each statement's memory small; ANALYZE so the planner sees the volume.
    for (let done = 0; done < EVENTS; done += 100_000) {
      await c.query(INSERT_EVENTS, [Math.min(100_000, EVENTS - done)]);
    }
    const interactions = (await c.query(INSERT_INTERACTIONS)).rowCount ?? 0;
    const history = (await c.query(INSERT_HISTORY)).rowCount ?? 0;
    await c.query('ANALYZE search_events; ANALYZE search_interactions; ANALYZE search_history');
    const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM search_events');
    return { events: rows[0]!.n, interactions, history, seconds: (performance.now() - started) / 1000 };
  } finally {
    await c.end();
  }
}

async function timeReports(base: string, token: string) {
  const rows: { report: string; byRange: Record<string, number> }[] = [];
  for (const report of REPORTS.filter((r) => !ONLY || ONLY.includes(r))) {
    const byRange: Record<string, number> = {};
    for (const days of RANGES) {
      const path = `/api/v1/admin/analytics/search/${report}?days=${days}`;
      await call(base, 'GET', path, token); // warm-up: plans and caches, as a dashboard reload would have
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        await call(base, 'GET', path, token);
        samples.push(performance.now() - t);
      }
      byRange[days] = median(samples);
    }
    rows.push({ report, byRange });
    console.log(`${report}: ${RANGES.map((d) => `${d}d ${ms(byRange[d]!)} ms`).join(', ')}`);
  }
  return rows;
}

async function main() {
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  const instance = await startInstance('analytics', PORT, DB);
  try {
    const volume = await seed();
    console.log(
      `seeded ${volume.events} events, ${volume.interactions} interactions, ${volume.history} history rows`,
    );
    const { token } = await call<{ token: string }>(instance.base, 'POST', '/api/v1/auth/login', undefined, {
      email: 'admin@instainstru.local',
      password: 'Demo-pass-1',
    });
    const rows = await timeReports(instance.base, token);
    const worst = Math.max(...rows.flatMap((r) => Object.values(r.byRange)));
    const over = rows.filter((r) => Object.values(r.byRange).some((v) => v >= GOAL_MS)).map((r) => r.report);
    const cpu = os.cpus();
    const section = [
      SECTION,
      '',
      `bench/analytics-pg.ts (\`npm run bench:analytics\`), run on ${new Date().toISOString().slice(0, 10)}: ` +
        `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, PostgreSQL on loopback, one API process. ` +
        `The demo marketplace plus ${volume.events.toLocaleString('en-US')} search events over 90 days, ` +
        `${volume.interactions.toLocaleString('en-US')} views and clicks and ` +
        `${volume.history.toLocaleString('en-US')} history rows (seeded in ${volume.seconds.toFixed(0)} s). ` +
        `Each figure is the median of ${RUNS} calls through the API as the admin, after one warm-up ` +
        'call, so it includes access checks and serialisation. Goal: under 200 ms each.',
      '',
      `| Report | ${RANGES.map((d) => `${d} days`).join(' | ')} |`,
      `| --- | ${RANGES.map(() => '---:').join(' | ')} |`,
      ...rows.map((r) => `| ${r.report} | ${RANGES.map((d) => `${ms(r.byRange[d]!)} ms`).join(' | ')} |`),
      '',
      over.length
        ? `Over the goal: ${over.join(', ')} (worst ${ms(worst)} ms).`
        : `Every report is under the goal; the slowest call took ${ms(worst)} ms.`,
      '',
    ].join('\n');
    writeSection(SECTION, section);
    if (over.length) process.exitCode = 1;
  } finally {
    await stopInstance(instance);
    // BENCH_KEEP_DB=1 leaves the database for EXPLAIN ANALYZE by hand.
    if (!process.env.BENCH_KEEP_DB) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch(() => {});
  }
}

if (!existsSync('package.json')) throw new Error('run from the repository root');
await main();
