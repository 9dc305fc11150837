import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { addAvailability, createInstructor, localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

// Tuesday 24 November 2026, 10:00 in New York.
const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.request({ method: 'GET', url: `/api/v1/public/instructors${url}`, headers });

async function teacher() {
  const i = await createInstructor(t, {
    services: [{ slug: 'piano', durations: [60, 90] }],
    minAdvanceHours: 2,
  });
  await addAvailability(
    t,
    i.id,
    [localDate(clock.now(), 0), localDate(clock.now(), 1), localDate(clock.now(), 3)],
    ['09:00-12:00'],
  );
  return i;
}

describe('public availability', () => {
  it('full: 30 days by default in the instructor zone, start times for the shortest duration', async () => {
    const i = await teacher();
    const res = await get(`/${i.id}/availability`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      instructorId: i.id,
      timezone: 'America/New_York',
      duration: 60,
      earliestAvailableDate: '2026-11-25',
    });
    expect(body.days).toHaveLength(30);
    // Today: 10:00 now + 2 h notice → 12:00, so nothing left of 09:00–12:00.
    expect(body.days[0].startTimes).toEqual([]);
    expect(body.days[0].ranges).toEqual([]);
    expect(body.days[1]).toMatchObject({
      date: '2026-11-25',
      ranges: [{ start: '09:00', end: '12:00' }],
      startTimes: ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30', '10:45', '11:00'],
    });
    expect(body.earliestAvailableAt).toBe('2026-11-25T14:00:00.000Z');
  });

  it('a longer duration offers fewer start times near the end of a range', async () => {
    const i = await teacher();
    const body = (await get(`/${i.id}/availability?duration=90&start=2026-11-25&end=2026-11-25`)).json();
    expect(body.days[0].startTimes.at(-1)).toBe('10:30');
    const viaService = (
      await get(
        `/${i.id}/availability?instructorServiceId=${i.offerings[0]!.id}&start=2026-11-25&end=2026-11-25`,
      )
    ).json();
    expect(viaService.duration).toBe(60);
  });

  it('summary and minimal detail levels', async () => {
    const i = await teacher();
    const summary = (
      await get(`/${i.id}/availability?detail=summary&start=2026-11-25&end=2026-11-26`)
    ).json();
    expect(summary.days[0]).toEqual({
      date: '2026-11-25',
      isBlackout: false,
      morning: true,
      afternoon: false,
      evening: false,
      totalHours: 3,
    });
    expect((await get(`/${i.id}/availability?detail=minimal`)).json()).toEqual({
      instructorId: i.id,
      timezone: 'America/New_York',
      hasAvailability: true,
      earliestAvailableDate: '2026-11-25',
    });
  });

  it('flags blackout days', async () => {
    const i = await teacher();
    await t.request({
      method: 'POST',
      url: '/api/v1/instructors/me/blackouts',
      token: i.token,
      payload: { date: '2026-11-25', reason: 'Concert' },
    });
    const body = (await get(`/${i.id}/availability?start=2026-11-25&end=2026-11-25`)).json();
    expect(body.days[0]).toMatchObject({ isBlackout: true, startTimes: [] });
  });

  it('answers 304 to a matching ETag, and a change shows at once', async () => {
    const i = await teacher();
    const first = await get(`/${i.id}/availability?start=2026-11-26&end=2026-11-26`);
    expect(first.json().days[0].startTimes).toEqual([]);
    const etag = first.headers.etag as string;
    expect(
      (await get(`/${i.id}/availability?start=2026-11-26&end=2026-11-26`, { 'if-none-match': etag }))
        .statusCode,
    ).toBe(304);
    await t.request({
      method: 'POST',
      url: '/api/v1/instructors/me/availability/ranges',
      token: i.token,
      payload: { date: '2026-11-26', start: '14:00', end: '15:00' },
    });
    const after = await get(`/${i.id}/availability?start=2026-11-26&end=2026-11-26`, {
      'if-none-match': etag,
    });
    expect(after.statusCode).toBe(200);
    expect(after.json().days[0].startTimes).toEqual(['14:00']);
  });

  it('refuses spans over 90 days, an end before the start, and odd durations', async () => {
    const i = await teacher();
    expect((await get(`/${i.id}/availability?start=2026-11-25&end=2027-02-23`)).statusCode).toBe(400);
    expect((await get(`/${i.id}/availability?start=2026-11-25&end=2027-02-22`)).statusCode).toBe(200);
    expect((await get(`/${i.id}/availability?start=2026-11-25&end=2026-11-20`)).statusCode).toBe(400);
    expect((await get(`/${i.id}/availability?duration=50`)).statusCode).toBe(400);
  });

  it('unknown, malformed or suspended instructors are 404', async () => {
    const i = await teacher();
    expect((await get('/00000000-0000-4000-8000-000000000000/availability')).statusCode).toBe(404);
    expect((await get('/nope/availability')).statusCode).toBe(404);
    expect(
      (await get(`/${i.id}/availability?instructorServiceId=00000000-0000-4000-8000-000000000000`))
        .statusCode,
    ).toBe(404);
    await t.services.accountStatus.change(i.id, 'suspended', i.id);
    expect((await get(`/${i.id}/availability`)).statusCode).toBe(404);
    expect((await get(`/${i.id}/next-available`)).statusCode).toBe(404);
  });

  it('next-available gives the first bookable start', async () => {
    const i = await teacher();
    expect((await get(`/${i.id}/next-available?duration=90`)).json()).toEqual({
      instructorId: i.id,
      timezone: 'America/New_York',
      duration: 90,
      nextAvailableAt: '2026-11-25T14:00:00.000Z',
      date: '2026-11-25',
      time: '09:00',
    });
  });
});
