import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, searchEvents, searchInteractions } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { createInstructor, insertLessonRow, type InstructorFixture } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

// Noon in New York on Monday 15 June 2026 (EDT, UTC−4).
const NOW = new Date('2026-06-15T16:00:00Z');
const clock = new ManualClock(NOW);

let t: TestApp;
let admin: { token: string; id: string };
let utcAdmin: { token: string; id: string };
let viewer: { token: string; id: string };
let student: { token: string; id: string };
let a: { id: string };
let b: { id: string };
let c: { id: string };
let teacher: InstructorFixture;

const parsed = (o: { services?: string[]; borough?: string; timeOfDay?: string } = {}) => ({
  services: (o.services ?? []).map((slug) => ({ id: slug, slug, name: slug, matchedBy: 'exact' })),
  category: null,
  borough: o.borough ?? null,
  timeOfDay: o.timeOfDay ?? null,
});

async function event(o: {
  at: string;
  q: string;
  results: number;
  bookable?: number;
  userId?: string;
  guest?: string;
  parsed?: ReturnType<typeof parsed>;
  shown?: string[];
  referrer?: string;
}) {
  const [row] = await t.deps.db
    .insert(searchEvents)
    .values({
      userId: o.userId ?? null,
      guestSessionId: o.guest ?? null,
      query: o.q,
      normalizedQuery: o.q.toLowerCase(),
      searchType: 'natural_language',
      parsed: o.parsed ?? parsed(),
      resultCount: o.results,
      bookableCount: o.bookable ?? o.results,
      shownOfferingIds: o.shown ?? [],
      latencyMs: 10,
      referrer: o.referrer ?? null,
      createdAt: new Date(o.at),
    })
    .returning({ id: searchEvents.id });
  return row!.id;
}

const get = (path: string, token = admin.token) =>
  t.request({ method: 'GET', url: `/api/v1/admin/analytics/search/${path}`, token });

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.user({ roles: ['admin'] });
  utcAdmin = await t.user({ roles: ['admin'] });
  await t.request({
    method: 'PATCH',
    url: '/api/v1/auth/me',
    token: utcAdmin.token,
    payload: { timezone: 'UTC' },
  });
  viewer = await t.user({ roles: ['admin'] });
  await t.request({
    method: 'DELETE',
    url: `/api/v1/admin/users/${viewer.id}/permissions/export_analytics`,
    token: admin.token,
  });
  student = await t.user();
  [a, b, c] = [await t.user(), await t.user(), await t.user()];
  teacher = await createInstructor(t, { services: [{ slug: 'piano' }] });
  const piano = teacher.offerings[0]!.id;

  // 23:30 on Sunday 14 June in New York, but already Monday in UTC.
  const e1 = await event({
    at: '2026-06-15T03:30:00Z',
    q: 'piano',
    results: 3,
    userId: a.id,
    shown: [piano],
  });
  await event({
    at: '2026-06-15T04:30:00Z',
    q: 'piano',
    results: 5,
    userId: a.id,
    referrer: 'https://www.google.com/search?q=x',
  });
  await event({
    at: '2026-06-15T10:00:00Z',
    q: 'zzqx',
    results: 0,
    guest: 'g1',
    parsed: parsed({ borough: 'staten-island', timeOfDay: 'evening' }),
  });
  await event({
    at: '2026-06-15T11:00:00Z',
    q: 'zzqx',
    results: 0,
    guest: 'g1',
    parsed: parsed({ borough: 'staten-island', timeOfDay: 'evening' }),
  });
  // Results, none bookable: still unmet.
  await event({
    at: '2026-06-13T12:00:00Z',
    q: 'violin in queens',
    results: 2,
    bookable: 0,
    userId: b.id,
    parsed: parsed({ services: ['violin'], borough: 'queens' }),
  });
  // Outside every range below.
  await event({ at: '2026-05-01T12:00:00Z', q: 'piano', results: 4, userId: b.id });
  // A guest who signed up afterwards (adoption sets user_id on their events).
  await event({ at: '2026-06-14T12:00:00Z', q: '=cmd', results: 0, guest: 'g2', userId: c.id });

  // Booked 2 h after the search that showed it: attributed. A booking 30 h later is not.
  const booked = await insertLessonRow(t, {
    instructor: teacher,
    studentId: a.id,
    startsAt: '2026-06-20T14:00:00Z',
  });
  await t.deps.db
    .update(bookings)
    .set({ createdAt: new Date('2026-06-15T05:30:00Z') })
    .where(eq(bookings.id, booked));
  const late = await insertLessonRow(t, {
    instructor: teacher,
    studentId: a.id,
    startsAt: '2026-06-21T14:00:00Z',
  });
  await t.deps.db
    .update(bookings)
    .set({ createdAt: new Date('2026-06-16T09:30:00Z') })
    .where(eq(bookings.id, late));
  await t.deps.db.insert(searchInteractions).values({
    searchEventId: e1,
    kind: 'click',
    instructorServiceId: piano,
    position: 2,
    userId: a.id,
    createdAt: new Date('2026-06-15T03:31:00Z'),
  });
});
afterAll(() => t.close());

describe('admin search analytics', () => {
  it('summary counts the last 7 New York days exactly: users, guests, zero results, by type', async () => {
    const res = await get('summary?days=7');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      range: { from: '2026-06-09', to: '2026-06-15', timezone: 'America/New_York' },
      totalSearches: 6,
      userSearches: 4,
      guestSearches: 2,
      distinctUsers: 3,
      distinctGuests: 1,
      zeroResultSearches: 3,
      zeroResultRate: 0.5,
      byType: [{ searchType: 'natural_language', searches: 6 }],
    });
  });

  it('trends bucket by the admin’s midnight: 23:30 New York is Sunday there and Monday in UTC', async () => {
    const ny = (await get('trends?from=2026-06-13&to=2026-06-15')).json();
    expect(ny.days).toEqual([
      { date: '2026-06-13', searches: 1, users: 1, guests: 0 },
      { date: '2026-06-14', searches: 2, users: 2, guests: 0 },
      { date: '2026-06-15', searches: 3, users: 1, guests: 1 },
    ]);
    const utc = (await get('trends?from=2026-06-14&to=2026-06-15', utcAdmin.token)).json();
    expect(utc.range.timezone).toBe('UTC');
    expect(utc.days).toEqual([
      { date: '2026-06-14', searches: 1, users: 1, guests: 0 },
      { date: '2026-06-15', searches: 4, users: 1, guests: 1 },
    ]);
  });

  it('every day of the range is listed, quiet ones as zero', async () => {
    const days = (await get('trends?days=7')).json().days as { date: string; searches: number }[];
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ date: '2026-06-09', searches: 0, users: 0, guests: 0 });
  });

  it('popular and zero-result searches rank by count, with distinct searchers', async () => {
    expect((await get('popular?days=7')).json().items).toEqual([
      { query: 'piano', searches: 2, searchers: 1, averageResults: 4 },
      { query: 'zzqx', searches: 2, searchers: 1, averageResults: 0 },
      { query: '=cmd', searches: 1, searchers: 1, averageResults: 0 },
      { query: 'violin in queens', searches: 1, searchers: 1, averageResults: 2 },
    ]);
    expect((await get('zero-results?days=7')).json().items).toEqual([
      { query: 'zzqx', searches: 2, searchers: 1, lastSearchedAt: '2026-06-15T11:00:00.000Z' },
      { query: '=cmd', searches: 1, searchers: 1, lastSearchedAt: '2026-06-14T12:00:00.000Z' },
    ]);
  });

  it('unmet demand ranks service × borough × time of day of searches with nothing bookable', async () => {
    expect((await get('unmet-demand?days=7')).json().items).toEqual([
      {
        service: 'any',
        borough: 'staten-island',
        timeOfDay: 'evening',
        searches: 2,
        searchers: 1,
        noResults: 2,
      },
      { service: 'any', borough: 'any', timeOfDay: 'any', searches: 1, searchers: 1, noResults: 1 },
      { service: 'violin', borough: 'queens', timeOfDay: 'any', searches: 1, searchers: 1, noResults: 0 },
    ]);
  });

  it('guest → user conversion counts guest sessions that later became accounts', async () => {
    const r = (await get('conversion?days=7')).json();
    expect(r).toMatchObject({ guestSessions: 2, convertedSessions: 1, conversionRate: 0.5 });
    expect(r.days.find((d: { date: string }) => d.date === '2026-06-14')).toEqual({
      date: '2026-06-14',
      guestSessions: 1,
      converted: 1,
    });
  });

  it('search → booking attributes only a booking within 24 h of a search that showed the offering', async () => {
    const r = (await get('bookings?from=2026-06-09&to=2026-06-17')).json();
    expect(r).toMatchObject({ userSearches: 4, searchesWithBooking: 1, attributedBookings: 1 });
    expect(r.byService).toEqual([{ service: 'piano', bookings: 1 }]);
  });

  it('referrers keep the host only; click-through counts searches with a click', async () => {
    expect((await get('referrers?days=7')).json().items).toEqual([
      { referrer: 'direct', searches: 5, searchers: 4 },
      { referrer: 'www.google.com', searches: 1, searchers: 1 },
    ]);
    expect((await get('click-through?days=7')).json()).toMatchObject({
      searches: 6,
      searchesWithClick: 1,
      meanClickPosition: 2,
    });
    const perf = (await get('performance?days=7')).json();
    expect(perf.resultBuckets).toEqual([
      { bucket: '0', searches: 3 },
      { bucket: '1-5', searches: 3 },
      { bucket: '6-20', searches: 0 },
      { bucket: '21+', searches: 0 },
    ]);
  });

  it('problem queries: five searches or more with clicks on under a tenth; service demand splits the window', async () => {
    // A quiet April week (New York days 20–26) of its own, outside every range the other tests read.
    const week = 'from=2026-04-20&to=2026-04-26';
    const at = (day: number, hour: number) => `2026-04-${day}T${String(hour).padStart(2, '0')}:00:00Z`;
    const searches = async (q: string, n: number, clicked: number, firstDay: number) => {
      for (let i = 0; i < n; i++) {
        const id = await event({
          at: at(firstDay + (i % 3), 12 + i),
          q,
          results: 4,
          guest: `p-${q}-${i % 2}`,
          parsed: parsed({ services: [q] }),
        });
        if (i < clicked) {
          await t.deps.db.insert(searchInteractions).values({
            searchEventId: id,
            kind: 'click',
            position: 1,
            createdAt: new Date(at(firstDay + (i % 3), 12 + i)),
          });
        }
      }
    };
    await searches('guitar', 6, 0, 20); // a problem: no clicks
    await searches('harp', 10, 1, 20); // one click in ten is not under a tenth
    await searches('flute', 11, 1, 24); // one in eleven is
    await searches('cello', 4, 0, 24); // too few searches to judge
    const perf = (await get(`performance?${week}`)).json();
    expect(perf.problemQueries).toEqual([
      { query: 'flute', searches: 11, clicks: 1 },
      { query: 'guitar', searches: 6, clicks: 0 },
    ]);
    // The week's midpoint is Thursday 23 April 16:00 UTC: guitar and harp fall before it, flute and cello after.
    const demand = (await get(`service-demand?${week}`)).json().items;
    expect(demand).toEqual([
      { service: 'flute', searches: 11, profileViews: 0, bookings: 0, trending: true },
      { service: 'harp', searches: 10, profileViews: 0, bookings: 0, trending: false },
      { service: 'guitar', searches: 6, profileViews: 0, bookings: 0, trending: false },
      { service: 'cello', searches: 4, profileViews: 0, bookings: 0, trending: true },
    ]);
  });

  it('a bad range is a 400: unknown days, half a custom range, from after to', async () => {
    for (const q of [
      'days=14',
      'from=2026-06-01',
      'from=2026-06-10&to=2026-06-01',
      'days=7&from=2026-06-01&to=2026-06-02',
      'x=1',
    ])
      expect((await get(`summary?${q}`)).statusCode, q).toBe(400);
  });
});

describe('analytics access and CSV', () => {
  it('a student gets 403 and a guest 401, for JSON and CSV', async () => {
    expect((await get('summary?days=7', student.token)).statusCode).toBe(403);
    expect((await get('popular.csv?days=7', student.token)).statusCode).toBe(403);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/admin/analytics/search/summary' })).statusCode,
    ).toBe(401);
  });

  it('an admin without export_analytics reads reports but cannot download CSV', async () => {
    expect((await get('summary?days=7', viewer.token)).statusCode).toBe(200);
    expect((await get('popular.csv?days=7', viewer.token)).statusCode).toBe(403);
  });

  it('CSV is RFC 4180 with formula cells defused and numbers left alone', async () => {
    const res = await get('popular.csv?days=7');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('search-popular-2026-06-09-2026-06-15.csv');
    expect(res.body).toBe(
      'query,searches,searchers,average_results\r\n' +
        "piano,2,1,4\r\nzzqx,2,1,0\r\n'=cmd,1,1,0\r\nviolin in queens,1,1,2\r\n",
    );
  });

  it('CSV quotes commas and quotes, and escapes + - @ at the start of text', async () => {
    for (const q of ['+1 "quoted", here', '-x', '@sum']) {
      await event({ at: '2026-06-15T12:00:00Z', q, results: 1, userId: b.id });
    }
    const body = (await get('popular.csv?from=2026-06-15&to=2026-06-15')).body;
    expect(body).toContain('"\'+1 ""quoted"", here",1,1,1\r\n');
    expect(body).toContain("'-x,1,1,1\r\n");
    expect(body).toContain("'@sum,1,1,1\r\n");
  });
});
