import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, searchEvents, serviceAnalytics, services, users } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import {
  addAvailability,
  createInstructor,
  insertLessonRow,
  localDate,
  type InstructorFixture,
} from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { SERVICE_ANALYTICS_JOB, analyticsJobs } from './analytics-jobs.js';

// Monday 15 June 2026, noon in New York.
const NOW = new Date('2026-06-15T16:00:00Z');
const clock = new ManualClock(NOW);
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

let t: TestApp;
let admin: { token: string };
let student: { id: string; token: string };
let violin: InstructorFixture;
let cello: InstructorFixture;
let cello2: InstructorFixture;

async function searches(slugs: string[], at: Date, n = 1) {
  await t.deps.db.insert(searchEvents).values(
    Array.from({ length: n }, () => ({
      query: slugs.join(' or '),
      normalizedQuery: slugs.join(' or '),
      searchType: 'natural_language',
      parsed: { services: slugs.map((slug) => ({ id: slug, slug, name: slug })) },
      resultCount: 1,
      createdAt: at,
    })),
  );
}

async function lesson(i: InstructorFixture, createdAt: Date, o: { minutes?: number; status?: string } = {}) {
  const id = await insertLessonRow(t, {
    instructor: i,
    studentId: student.id,
    startsAt: '2026-07-01T14:00:00Z',
    ...o,
  });
  await t.deps.db.update(bookings).set({ createdAt }).where(eq(bookings.id, id));
}

/** The job as the runner (BullMQ or in-process) would call it. */
async function runJob() {
  const job = analyticsJobs.jobs(t.deps).find((j) => j.name === SERVICE_ANALYTICS_JOB)!;
  await job.handler(undefined as never, { attempt: 1 });
  // The job's run reaches a live catalog within its snapshot's minute; tests need it at once.
  await t.services.catalog.invalidate();
}

const musicTop = async () => {
  const res = await t.request({ method: 'GET', url: '/api/v1/catalog/top-per-category?limit=5' });
  const music = res.json().categories.find((c: { slug: string }) => c.slug === 'music');
  return music.services.map((s: { slug: string }) => s.slug) as string[];
};
const musicSearch = async () => {
  const res = await t.request({ method: 'GET', url: '/api/v1/search?q=music+lessons&perPage=50' });
  expect(res.statusCode).toBe(200);
  return (res.json().results as { instructor: { id: string } }[]).map((r) => r.instructor.id);
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.user({ roles: ['admin'] });
  student = await t.user();
  violin = await createInstructor(t, { services: [{ slug: 'violin', hourlyRateCents: 4000 }] });
  cello = await createInstructor(t, { services: [{ slug: 'cello', hourlyRateCents: 8000 }] });
  cello2 = await createInstructor(t, { services: [{ slug: 'cello', hourlyRateCents: 6000 }] });
  // A suspended teacher's rate and presence count for nothing.
  const away = await createInstructor(t, { services: [{ slug: 'cello', hourlyRateCents: 2000 }] });
  await t.deps.db.update(users).set({ accountStatus: 'suspended' }).where(eq(users.id, away.id));
  // The violin teacher is free sooner: on availability alone, violin ranks first.
  await addAvailability(t, violin.id, [localDate(NOW, 1)], ['09:00-12:00']);
  await addAvailability(t, cello.id, [localDate(NOW, 3)], ['09:00-12:00']);
  await addAvailability(t, cello2.id, [localDate(NOW, 3)], ['13:00-15:00']);

  // Cello: many searches, mostly this week; violin: few searches, but more bookings.
  await searches(['cello'], daysAgo(2), 24);
  await searches(['cello'], daysAgo(20), 15);
  await searches(['violin'], daysAgo(2));
  await searches(['violin'], daysAgo(10), 2);
  await searches(['violin', 'cello'], daysAgo(1)); // counts for each
  await searches(['violin'], daysAgo(40)); // before the 30 days
  await searches(['violin'], new Date(NOW.getTime() + 3_600_000)); // after now
  await lesson(cello, daysAgo(3));
  await lesson(cello, daysAgo(2), { status: 'cancelled' });
  await lesson(violin, daysAgo(15), { minutes: 30 });
  await lesson(violin, daysAgo(5), { minutes: 30, status: 'completed' });
  await lesson(violin, daysAgo(4), { minutes: 60 });
  await lesson(violin, daysAgo(45), { minutes: 60 });
  await t.services.catalog.invalidate();
}, 60_000);
afterAll(() => t.close());

describe('the service-analytics job', () => {
  it('before its first run, search and the homepage rank on availability and bookings alone', async () => {
    expect(await musicSearch()).toEqual([violin.id, cello.id, cello2.id]);
    expect((await musicTop()).slice(0, 2)).toEqual(['violin', 'cello']);
  });

  it('stores per service the 7/30-day searches and bookings, rate quartiles, duration, teachers, score and trend', async () => {
    await runJob();
    const rows = await t.deps.db
      .select({ slug: services.slug, a: serviceAnalytics })
      .from(serviceAnalytics)
      .innerJoin(services, eq(services.id, serviceAnalytics.serviceId))
      .where(inArray(services.slug, ['violin', 'cello', 'piano']));
    const by = Object.fromEntries(rows.map((r) => [r.slug, r.a]));
    expect(by.cello).toMatchObject({
      searches7d: 25,
      searches30d: 40,
      bookings7d: 1,
      bookings30d: 1,
      priceP25Cents: 6000,
      priceMedianCents: 6000,
      priceP75Cents: 8000,
      mostBookedDuration: 60,
      activeInstructors: 2,
      demandScore: 1,
      trending: true,
      computedAt: NOW,
    });
    expect(by.violin).toMatchObject({
      searches7d: 2,
      searches30d: 4,
      bookings7d: 2,
      bookings30d: 3,
      priceP25Cents: 4000,
      priceMedianCents: 4000,
      priceP75Cents: 4000,
      mostBookedDuration: 30,
      activeInstructors: 1,
      trending: false,
    });
    // (4 searches + 5 × 3 bookings) / (40 + 5 × 1)
    expect(by.violin!.demandScore).toBeCloseTo(19 / 45, 10);
    expect(by.piano).toMatchObject({
      searches30d: 0,
      bookings30d: 0,
      priceMedianCents: null,
      mostBookedDuration: null,
      activeInstructors: 0,
      demandScore: 0,
      trending: false,
    });
  });

  it('then ranks the in-demand service first in a category search, and on the homepage', async () => {
    // Cello gains a relevance step (score 1); violin (score 0.42) does not.
    expect(await musicSearch()).toEqual([cello.id, cello2.id, violin.id]);
    expect((await musicTop()).slice(0, 2)).toEqual(['cello', 'violin']);
  });

  it('a later run replaces the set: demand that moves, moves the order back', async () => {
    await searches(['violin'], daysAgo(1), 60);
    await runJob();
    expect(await musicSearch()).toEqual([violin.id, cello.id, cello2.id]);
    expect((await musicTop()).slice(0, 2)).toEqual(['violin', 'cello']);
  });

  it('is shown to admins at /admin/analytics/services, most demanded first; refused to others', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/admin/analytics/services?limit=2',
      token: admin.token,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.computedAt).toBe(NOW.toISOString());
    expect(body.items.map((i: { service: { slug: string } }) => i.service.slug)).toEqual(['violin', 'cello']);
    expect(body.items[1]).toMatchObject({ searches30d: 40, mostBookedDurationMinutes: 60, trending: true });
    const asStudent = await t.request({
      method: 'GET',
      url: '/api/v1/admin/analytics/services',
      token: student.token,
    });
    expect(asStudent.statusCode).toBe(403);
    const anonymous = await t.request({ method: 'GET', url: '/api/v1/admin/analytics/services' });
    expect(anonymous.statusCode).toBe(401);
    const bad = await t.request({
      method: 'GET',
      url: '/api/v1/admin/analytics/services?limit=0&x=1',
      token: admin.token,
    });
    expect(bad.statusCode).toBe(400);
  });
});
