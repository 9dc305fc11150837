import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { ManualClock } from '../clock.js';
import type { InstructorFixture } from '../../testing/fixtures.js';
import { createInstructor } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

// Tuesday 24 November 2026, 10:00 in New York. Two years (730 days) ahead is Thu 23 Nov 2028,
// in the week of Monday 20 Nov 2028.
const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
const LAST_EDITABLE = '2028-11-23';
const PAST_LIMIT = '2028-11-24';

let t: TestApp;
let inst: InstructorFixture;
let student: { token: string; id: string };
beforeAll(async () => {
  t = await createTestApp({ clock });
  inst = await createInstructor(t);
  student = await t.user();
});
afterAll(() => t.close());

const api = (method: InjectOptions['method'], url: string, token?: string, payload?: object) =>
  t.request({ method, url: `/api/v1${url}`, token, payload });

/** The refusal shape every error has, with the code asked for. */
function expectRefused(res: LightMyRequestResponse, status: 400 | 422, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.error).toMatchObject({ code, message: expect.any(String) });
  return body.error as { code: string; message: string; details?: Record<string, unknown> };
}

async function expectAlive() {
  expect((await t.request({ method: 'GET', url: '/health' })).statusCode).toBe(200);
}

describe('requests that answered 500 (or crashed the process) are refused at the schema', () => {
  it('a week far outside the date window is 400, and the process is still up', async () => {
    const res = await api('GET', '/instructors/me/availability/week?start=9999-12-27', inst.token);
    expect(expectRefused(res, 400, 'VALIDATION_ERROR').message).toMatch(/querystring\.start/);
    await expectAlive();
  });

  it('a price beyond int4 in the instructor list is 400', async () => {
    const res = await api('GET', '/instructors?maxPriceCents=2147483648');
    expect(expectRefused(res, 400, 'VALIDATION_ERROR').message).toMatch(/maxPriceCents/);
    await expectAlive();
  });

  it.each(['0020-02-29', '9999-12-31', '0001-01-01'])('a search on %s is 400', async (date) => {
    const res = await api('GET', `/search?q=piano&date=${date}`);
    expect(expectRefused(res, 400, 'VALIDATION_ERROR').message).toMatch(/querystring\.date/);
    await expectAlive();
  });

  it.each(['9999-12-31T10:00:00Z', '0001-01-01T10:00:00Z'])('a booking at %s is 400', async (startsAt) => {
    const res = await api('POST', '/bookings', student.token, {
      instructorServiceId: inst.offerings[0]!.id,
      startsAt,
      durationMinutes: 60,
      locationType: 'online',
    });
    expect(expectRefused(res, 400, 'VALIDATION_ERROR').message).toMatch(/startsAt/);
    await expectAlive();
  });

  it('copying or writing a week in 9999 is 400', async () => {
    const copy = await api('POST', '/instructors/me/availability/copy-week', inst.token, {
      fromWeekStart: '2026-11-30',
      toWeekStart: '9999-12-27',
    });
    expectRefused(copy, 400, 'VALIDATION_ERROR');
    const put = await api('PUT', '/instructors/me/availability/week', inst.token, {
      start: '9999-12-27',
      days: [],
    });
    expectRefused(put, 400, 'VALIDATION_ERROR');
    await expectAlive();
  });

  it('a NUL byte in a name, a saved search, a blackout reason or a bio is 400 "Remove control characters."', async () => {
    const refusals = [
      await api('PATCH', '/auth/me', student.token, { fullName: 'a\u0000b' }),
      await api('POST', '/search-history', student.token, { query: 'piano\u0000' }),
      await api('POST', '/instructors/me/blackouts', inst.token, { date: '2026-12-24', reason: 'x\u0000' }),
      await api('PUT', '/instructors/me', inst.token, { bio: 'Hello\u0000world' }),
      await api('GET', '/search?q=piano%00evil'),
    ];
    for (const res of refusals) {
      expect(expectRefused(res, 400, 'VALIDATION_ERROR').message).toMatch(/Remove control characters\./);
    }
    await expectAlive();
  });
});

describe('a refused request changes nothing', () => {
  it('a NUL bio leaves the profile, and the other fields sent with it, as they were', async () => {
    const before = (await api('GET', '/instructors/me', inst.token)).json();
    const res = await api('PUT', '/instructors/me', inst.token, {
      bio: 'New\u0000bio',
      yearsExperience: 12,
    });
    expectRefused(res, 400, 'VALIDATION_ERROR');
    const after = (await api('GET', '/instructors/me', inst.token)).json();
    expect(after).toEqual(before);
    expect(after.bio).toBe('Teaches with patience.');
  });

  it('a NUL name leaves the account name as it was', async () => {
    await api('PATCH', '/auth/me', student.token, { fullName: 'x\u0000y', timezone: 'Europe/Berlin' });
    const me = (await api('GET', '/auth/me', student.token)).json();
    expect(me.user).toMatchObject({ fullName: 'Test User', timezone: 'America/New_York' });
  });

  it('multi-line text keeps its line breaks: a bio with tab and newline is stored', async () => {
    const i = await createInstructor(t);
    const res = await api('PUT', '/instructors/me', i.token, { bio: 'Line one\r\n\tLine two' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await api('GET', '/instructors/me', i.token)).json().bio).toBe('Line one\n\tLine two');
  });
});

describe('unknown query and path parameters are refused like unknown body fields', () => {
  it.each([
    ['/instructors?perPage=5&pageSize=5', 'pageSize'],
    ['/search?q=piano&colour=red', 'colour'],
    ['/catalog/services?category=music&sort=name', 'sort'],
    ['/catalog/top-per-category?limit=3&x=1', 'x'],
    ['/search-history?limit=5&offset=2', 'offset'],
  ])('GET %s is 400 naming %s', async (url, name) => {
    const res = await api('GET', url, student.token);
    const error = expectRefused(res, 400, 'VALIDATION_ERROR');
    expect(error.message).toContain(name);
  });

  it('the same for an instructor-only and a public availability query', async () => {
    const week = await api('GET', '/instructors/me/availability/week?start=2026-11-30&tz=UTC', inst.token);
    expect(expectRefused(week, 400, 'VALIDATION_ERROR').message).toContain('tz');
    const pub = await api('GET', `/public/instructors/${inst.id}/availability?detail=full&days=7`);
    expect(expectRefused(pub, 400, 'VALIDATION_ERROR').message).toContain('days');
  });

  it('every parameter the web app, benches and checks send is still accepted', async () => {
    const guest = { 'x-guest-session-id': 'guest-session-0001' };
    const ok = [
      await api('GET', '/instructors?service=piano&perPage=20&page=1'),
      await api('GET', '/instructors?minPriceCents=0&maxPriceCents=10000000&borough=brooklyn&format=online'),
      await api('GET', '/search?q=piano&type=service_pill&sort=price&perPage=10&page=1&priceMaxCents=any'),
      await api('GET', '/catalog/top-per-category?limit=7'),
      await api('GET', '/bookings?as=student&scope=upcoming&page=1&perPage=10', student.token),
      await api(
        'GET',
        `/public/instructors/${inst.id}/availability?detail=full&duration=60&instructorServiceId=${inst.offerings[0]!.id}&start=2026-11-25&end=2026-12-20`,
      ),
      await api('GET', '/instructors/me/blackouts?perPage=100', inst.token),
      await t.request({ method: 'GET', url: '/api/v1/search-history?limit=50', headers: guest }),
    ];
    for (const res of ok) expect(res.statusCode, res.body).toBe(200);
  });

  it('search-history?limit=50 returns up to 50 entries, limit=2 two', async () => {
    const u = await t.user();
    for (const q of ['piano', 'guitar', 'violin']) {
      expect((await api('POST', '/search-history', u.token, { query: q })).statusCode).toBe(201);
    }
    const items = async (limit: number) =>
      (await api('GET', `/search-history?limit=${limit}`, u.token)).json().items;
    expect(await items(50)).toHaveLength(3);
    expect(await items(2)).toHaveLength(2);
    expectRefused(await api('GET', '/search-history?limit=51', u.token), 400, 'VALIDATION_ERROR');
  });
});

describe('availability business bounds', () => {
  const base = '/instructors/me/availability';

  it('copy-week with a non-Monday week is 422 NOT_A_MONDAY, as PUT week is, and writes nothing', async () => {
    const i = await createInstructor(t);
    await api('PUT', `${base}/week`, i.token, {
      start: '2026-11-30',
      days: [{ date: '2026-11-30', ranges: [{ start: '09:00', end: '10:00' }] }],
    });
    const toTuesday = await api('POST', `${base}/copy-week`, i.token, {
      fromWeekStart: '2026-11-30',
      toWeekStart: '2026-12-08',
    });
    expectRefused(toTuesday, 422, 'NOT_A_MONDAY');
    const fromTuesday = await api('POST', `${base}/copy-week`, i.token, {
      fromWeekStart: '2026-12-01',
      toWeekStart: '2026-12-07',
    });
    expectRefused(fromTuesday, 422, 'NOT_A_MONDAY');
    const target = (await api('GET', `${base}/week?start=2026-12-07`, i.token)).json();
    expect(target.days.every((d: { ranges: unknown[] }) => d.ranges.length === 0)).toBe(true);
  });

  it('writes more than 730 days ahead are 422 TOO_FAR_AHEAD; the last day itself is fine', async () => {
    const i = await createInstructor(t);
    const range = { start: '09:00', end: '10:00' };
    const week = (days: object[], start = '2028-11-20') =>
      api('PUT', `${base}/week`, i.token, { start, days });
    expectRefused(await week([], '2028-11-27'), 422, 'TOO_FAR_AHEAD');
    expectRefused(await week([{ date: PAST_LIMIT, ranges: [range] }]), 422, 'TOO_FAR_AHEAD');
    const edge = await week([
      { date: LAST_EDITABLE, ranges: [range] },
      { date: PAST_LIMIT, ranges: [] },
    ]);
    expect(edge.statusCode, edge.body).toBe(200);
    expect(edge.json().days[3]).toMatchObject({ date: LAST_EDITABLE, ranges: [range] });

    const copy = await api('POST', `${base}/copy-week`, i.token, {
      fromWeekStart: '2028-11-20',
      toWeekStart: '2028-11-27',
    });
    expectRefused(copy, 422, 'TOO_FAR_AHEAD');
    const pattern = await api('POST', `${base}/apply-pattern`, i.token, {
      fromWeekStart: '2028-11-20',
      startDate: '2028-01-01',
      endDate: PAST_LIMIT,
    });
    expectRefused(pattern, 422, 'TOO_FAR_AHEAD');
    expectRefused(
      await api('POST', '/instructors/me/blackouts', i.token, { date: PAST_LIMIT, reason: 'Far' }),
      422,
      'TOO_FAR_AHEAD',
    );
    const edgeBlackout = await api('POST', '/instructors/me/blackouts', i.token, {
      date: LAST_EDITABLE,
      reason: 'Edge',
    });
    expect(edgeBlackout.statusCode).toBe(201);
  });

  it('bulk and single-range writes past the limit fail with TOO_FAR_AHEAD per operation (422) and write nothing', async () => {
    const i = await createInstructor(t);
    const bulk = await api('POST', `${base}/bulk`, i.token, {
      operations: [
        { action: 'add', date: '2026-12-01', start: '09:00', end: '10:00' },
        { action: 'add', date: PAST_LIMIT, start: '09:00', end: '10:00' },
      ],
    });
    expect(bulk.statusCode).toBe(422);
    expect(bulk.json().error).toMatchObject({
      code: 'OPERATIONS_FAILED',
      details: { applied: false, results: [{ ok: true }, { ok: false, error: { code: 'TOO_FAR_AHEAD' } }] },
    });
    const single = await api('POST', `${base}/ranges`, i.token, {
      date: PAST_LIMIT,
      start: '09:00',
      end: '10:00',
    });
    expect(single.statusCode).toBe(422);
    expect(single.json().error.code).toBe('TOO_FAR_AHEAD');
    const dec = (await api('GET', `${base}/week?start=2026-11-30`, i.token)).json();
    expect(dec.days[1].ranges).toEqual([]);
  });

  it('reading a week at either end of the window just works, empty', async () => {
    for (const [start, monday] of [
      ['2199-12-31', '2199-12-30'],
      ['1900-01-03', '1900-01-01'],
    ]) {
      const res = await api('GET', `${base}/week?start=${start}`, inst.token);
      expect(res.statusCode, res.body).toBe(200);
      const week = res.json();
      expect(week.weekStart).toBe(monday);
      expect(week.days).toHaveLength(7);
      expect(week.days.every((d: { ranges: unknown[] }) => d.ranges.length === 0)).toBe(true);
    }
    await expectAlive();
  });
});
