import { describe, expect, it } from 'vitest';
import { SEARCH_TEST_NOW, searchOk, useSearchTestApp } from './search.test-helpers.js';
import { addAvailability, createInstructor, localDate } from '../../testing/fixtures.js';

const app = useSearchTestApp({ demo: false });
const { clock } = app;

/** Who the search offers, of the service asked (a search that finds none relaxes to others). */
const ids = async (q: string) =>
  (await searchOk<{ results: { instructor: { id: string }; service: { slug: string } }[] }>(app.t, q)).results
    .filter((r) => q.startsWith(r.service.slug))
    .map((r) => r.instructor.id);

describe('search results follow changes at once (same minute, cached lists dropped)', () => {
  it('a blackout removes an instructor from "tomorrow"; a new offering appears', async () => {
    const i = await createInstructor(app.t, { services: [{ slug: 'cello', hourlyRateCents: 5000 }] });
    await addAvailability(app.t, i.id, [localDate(clock.now(), 1)], ['09:00-12:00']);
    expect(await ids('cello tomorrow')).toContain(i.id);
    expect(await ids('cello tomorrow')).toContain(i.id); // served from the cached list
    const res = await app.t.request({
      method: 'POST',
      url: '/api/v1/instructors/me/blackouts',
      token: i.token,
      payload: { date: localDate(clock.now(), 1), reason: 'Away' },
    });
    expect(res.statusCode).toBe(201);
    expect(await ids('cello tomorrow')).not.toContain(i.id);

    // Open again the day after, so the new offering has an open time (search lists no other).
    await addAvailability(app.t, i.id, [localDate(clock.now(), 2)], ['09:00-12:00']);
    expect(await ids('harp')).not.toContain(i.id);
    const add = await app.t.request({
      method: 'POST',
      url: '/api/v1/instructors/me/services',
      token: i.token,
      payload: {
        serviceSlug: 'harp',
        hourlyRateCents: 9000,
        durations: [60],
        levels: ['beginner'],
        ageGroups: ['adults'],
        locationTypes: ['instructor_place'],
      },
    });
    expect(add.statusCode).toBe(201);
    expect(await ids('harp')).toContain(i.id);
  });

  it('a booking that takes the only slot removes the instructor from that window', async () => {
    const i = await createInstructor(app.t, {
      services: [{ slug: 'oboe', hourlyRateCents: 5000, durations: [60] }],
    });
    const date = localDate(clock.now(), 2);
    await addAvailability(app.t, i.id, [date], ['10:00-11:00']);
    expect(await ids('oboe on thursday')).toContain(i.id);
    const s = await app.t.user();
    const booked = await app.t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: s.token,
      payload: {
        instructorServiceId: i.offerings[0]!.id,
        date,
        startTime: '10:00',
        durationMinutes: 60,
        locationType: 'online',
      },
    });
    expect(booked.statusCode).toBe(201);
    expect(await ids('oboe on thursday')).not.toContain(i.id);
  });
});

describe('notice and horizon follow the clock while an instructor’s computed days are kept', () => {
  const first = async (q: string, id: string) =>
    (
      await searchOk<{ results: { instructor: { id: string }; nextAvailableAt: string | null }[] }>(app.t, q)
    ).results
      .filter((r) => r.instructor.id === id && r.nextAvailableAt)
      .map((r) => new Date(r.nextAvailableAt!).toISOString())[0] ?? null;

  it('a start that falls inside the notice period as the clock moves on is no longer offered', async () => {
    const i = await createInstructor(app.t, {
      minAdvanceHours: 2,
      services: [{ slug: 'clarinet', hourlyRateCents: 5000, durations: [60] }],
    });
    const today = localDate(clock.now(), 0);
    // 10:00 in New York now: with 2 hours' notice 12:00 is the earliest start, so 13:00 is first.
    await addAvailability(app.t, i.id, [today], ['11:00-12:00', '13:00-14:00', '16:00-17:00']);
    expect(await first('clarinet today', i.id)).toBe(`${today}T18:00:00.000Z`);
    clock.advance(2 * 3_600_000); // 12:00: 13:00 is now inside the notice, 16:00 is first
    expect(await first('clarinet today', i.id)).toBe(`${today}T21:00:00.000Z`);
    clock.advance(3 * 3_600_000); // 15:00: nothing left today
    expect(await first('clarinet today', i.id)).toBeNull();
    clock.set(new Date(SEARCH_TEST_NOW));
  });

  it('a day that enters the booking horizon as the clock moves on is offered', async () => {
    const i = await createInstructor(app.t, {
      maxDaysAhead: 3,
      services: [{ slug: 'mandolin', hourlyRateCents: 5000, durations: [60] }],
    });
    const day = localDate(clock.now(), 4); // Saturday: the horizon reaches Friday today, Saturday tomorrow
    await addAvailability(app.t, i.id, [day], ['10:00-12:00']);
    const ids = async () =>
      (
        await searchOk<{ results: { instructor: { id: string } }[] }>(app.t, `mandolin on saturday`)
      ).results.map((r) => r.instructor.id);
    expect(await ids()).not.toContain(i.id);
    clock.advance(24 * 3_600_000);
    expect(await ids()).toContain(i.id);
    clock.set(new Date(SEARCH_TEST_NOW));
  });
});
