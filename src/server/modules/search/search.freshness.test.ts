import { describe, expect, it } from 'vitest';
import { searchOk, useSearchTestApp } from './search.test-helpers.js';
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
