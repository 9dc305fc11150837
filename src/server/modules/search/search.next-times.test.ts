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

interface Result {
  instructor: { id: string };
  nextAvailableAt: string | null;
  nextTimes: { startsAt: string; date: string; time: string }[];
}
const resultFor = async (q: string, instructorId: string) => {
  const res = await t.request({
    method: 'GET',
    url: `/api/v1/search?q=${encodeURIComponent(q)}&perPage=100`,
  });
  expect(res.statusCode).toBe(200);
  return (res.json().results as Result[]).find((r) => r.instructor.id === instructorId);
};

describe('the start times a result card offers', () => {
  it('are the first bookable start, then the next half hours that day, inside the search window, and bookable', async () => {
    const tomorrow = localDate(clock.now(), 1);
    const i = await createInstructor(t, { services: [{ slug: 'clarinet', durations: [60] }] });
    await addAvailability(t, i.id, [tomorrow], ['09:15-12:00', '17:00-21:00']);

    const any = (await resultFor('clarinet', i.id))!;
    expect(any.nextTimes).toEqual([
      { startsAt: `${tomorrow}T14:15:00.000Z`, date: tomorrow, time: '09:15' },
      { startsAt: `${tomorrow}T14:30:00.000Z`, date: tomorrow, time: '09:30' },
      { startsAt: `${tomorrow}T15:00:00.000Z`, date: tomorrow, time: '10:00' },
    ]);
    expect(any.nextTimes[0]!.startsAt).toBe(any.nextAvailableAt);

    const evening = (await resultFor('clarinet tomorrow evening', i.id))!;
    expect(evening.nextTimes.map((n) => n.time)).toEqual(['17:00', '17:30', '18:00']);

    // The second time really is bookable; once booked, the card moves on.
    const student = await t.user();
    const booked = await t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: student.token,
      payload: {
        instructorServiceId: i.offerings[0]!.id,
        date: any.nextTimes[1]!.date,
        startTime: any.nextTimes[1]!.time,
        durationMinutes: 60,
        locationType: 'online',
      },
    });
    expect(booked.statusCode).toBe(201);
    expect((await resultFor('clarinet', i.id))!.nextTimes.map((n) => n.time)).toEqual([
      '10:30',
      '11:00',
      '17:00',
    ]);
  });
});
