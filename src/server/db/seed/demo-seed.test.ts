import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../client.js';
import { prepareDatabase } from '../../bootstrap.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { TOP_SERVICES } from './demo-plan.js';
import { seedDemoIfEmpty } from './seed-demo-if-empty.js';

let t: TestApp;
const log = pino({ level: 'silent' });
beforeAll(async () => {
  t = await createTestApp();
  expect(
    await seedDemoIfEmpty(t.deps.database, { ...t.deps.config, seedDemo: true }, t.deps.clock, log),
  ).toBe(true);
}, 120_000);
afterAll(() => t.close());

const q = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(t.deps.db, query);

describe('demo marketplace', () => {
  it('has 400+ instructors over all five boroughs and every category', async () => {
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM instructor_profiles`);
    expect(n!.n).toBeGreaterThanOrEqual(400);
    const boroughs = await q<{ b: string }>(sql`SELECT DISTINCT borough_slug AS b FROM instructor_areas`);
    expect(boroughs).toHaveLength(5);
    const cats = await q<{ c: string }>(sql`
      SELECT DISTINCT c.slug AS c FROM instructor_services isv JOIN services s ON s.id = isv.service_id
      JOIN categories c ON c.id = s.category_id`);
    expect(cats).toHaveLength(7);
  });

  it('gives each of the 40 most requested services 3+ instructors at different rates', async () => {
    const rows = await q<{ slug: string; n: number; rates: number }>(sql`
      SELECT s.slug, count(*)::int AS n, count(DISTINCT isv.hourly_rate_cents)::int AS rates
      FROM instructor_services isv JOIN services s ON s.id = isv.service_id GROUP BY s.slug`);
    const by = new Map(rows.map((r) => [r.slug, r]));
    for (const slug of TOP_SERVICES) {
      expect(by.get(slug)?.n, slug).toBeGreaterThanOrEqual(3);
      expect(by.get(slug)?.rates, slug).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives every catalog service 2+ instructors whose shown names differ', async () => {
    const rows = await q<{ slug: string; n: number; names: number }>(sql`
      SELECT s.slug, count(isv.id)::int AS n,
        count(DISTINCT split_part(u.full_name, ' ', 1) || left(split_part(u.full_name, ' ', 2), 1))::int AS names
      FROM services s LEFT JOIN instructor_services isv ON isv.service_id = s.id
      LEFT JOIN users u ON u.id = isv.instructor_id GROUP BY s.slug`);
    expect(rows.length).toBeGreaterThan(200);
    for (const r of rows) {
      expect(r.n, r.slug).toBeGreaterThanOrEqual(2);
      expect(r.names, r.slug).toBe(r.n);
    }
  });

  it('has published reviews of varied stars, some answered, on most piano teachers', async () => {
    const stars = await q<{ rating: number }>(
      sql`SELECT DISTINCT rating FROM reviews WHERE visible_at <= now()`,
    );
    expect(stars.map((s) => s.rating).sort()).toEqual(expect.arrayContaining([3, 4, 5]));
    const [replied] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reviews WHERE reply_text IS NOT NULL`,
    );
    expect(replied!.n).toBeGreaterThan(20);
    const [piano] = await q<{ rated: number; all: number }>(sql`
      SELECT count(DISTINCT r.instructor_id)::int AS rated, count(DISTINCT isv.instructor_id)::int AS all
      FROM instructor_services isv JOIN services s ON s.id = isv.service_id AND s.slug = 'piano'
      LEFT JOIN reviews r ON r.instructor_id = isv.instructor_id`);
    expect(piano!.rated * 2).toBeGreaterThan(piano!.all);
  });

  it('spans about $20–$250 an hour with kids, homework help and chess under $30', async () => {
    const [range] = await q<{ lo: number; hi: number }>(
      sql`SELECT min(hourly_rate_cents) AS lo, max(hourly_rate_cents) AS hi FROM instructor_services`,
    );
    expect(range!.lo).toBeLessThanOrEqual(3000);
    expect(range!.hi).toBeGreaterThanOrEqual(20000);
    const cheap = await q<{ slug: string }>(sql`
      SELECT DISTINCT s.slug FROM instructor_services isv JOIN services s ON s.id = isv.service_id
      WHERE isv.hourly_rate_cents < 3000`);
    const slugs = cheap.map((c) => c.slug);
    for (const s of ['homework-help', 'chess', 'kids-swimming']) expect(slugs).toContain(s);
  });

  it('has availability for the coming weeks and both past completed and future confirmed lessons', async () => {
    const [a] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM availability_ranges WHERE date >= current_date + 49`,
    );
    expect(a!.n).toBeGreaterThan(0);
    const statuses = await q<{ status: string; n: number }>(
      sql`SELECT status, count(*)::int AS n FROM bookings GROUP BY status`,
    );
    const by = Object.fromEntries(statuses.map((s) => [s.status, s.n]));
    expect(by.completed).toBeGreaterThan(5);
    expect(by.confirmed).toBeGreaterThan(5);
  });

  it('documents the demo logins: admin, six students, instructors', async () => {
    for (const email of [
      'admin@instainstru.local',
      'student6@instainstru.local',
      'instructor1@instainstru.local',
    ]) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: 'Demo-pass-1' },
      });
      expect(res.statusCode, email).toBe(200);
    }
  });

  it('a second start neither reloads the catalog nor seeds again', async () => {
    expect((await prepareDatabase(t.deps.database)).catalogLoaded).toBe(false);
    expect(
      await seedDemoIfEmpty(t.deps.database, { ...t.deps.config, seedDemo: true }, t.deps.clock, log),
    ).toBe(false);
  });

  it('is never loaded into a production database', async () => {
    const prod = await createTestApp();
    try {
      expect(
        await seedDemoIfEmpty(
          prod.deps.database,
          { ...prod.deps.config, seedDemo: true, dbTier: 'production' },
          prod.deps.clock,
          log,
        ),
      ).toBe(false);
    } finally {
      await prod.close();
    }
  });
});
