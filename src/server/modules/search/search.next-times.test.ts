import { describe, expect, it } from 'vitest';
import { searchOk, useSearchTestApp } from './search.test-helpers.js';
import { addAvailability, createInstructor, localDate } from '../../testing/fixtures.js';

const app = useSearchTestApp({ demo: false });
const { clock } = app;

interface Result {
  instructor: { id: string };
  nextAvailableAt: string | null;
  nextTimes: { startsAt: string; date: string; time: string }[];
}
const resultFor = async (q: string, instructorId: string) =>
  (await searchOk<{ results: Result[] }>(app.t, q)).results.find((r) => r.instructor.id === instructorId);

describe('the start times a result card offers', () => {
  it('are the first bookable half hour, then the next half hours that day, inside the search window, and bookable', async () => {
    const tomorrow = localDate(clock.now(), 1);
    const i = await createInstructor(app.t, { services: [{ slug: 'clarinet', durations: [60] }] });
    await addAvailability(app.t, i.id, [tomorrow], ['09:15-12:00', '17:00-21:00']);

    const any = (await resultFor('clarinet', i.id))!;
    // 09:15 is bookable through the API, but screens offer the half hours (PRODUCT §4).
    expect(any.nextTimes).toEqual([
      { startsAt: `${tomorrow}T14:30:00.000Z`, date: tomorrow, time: '09:30' },
      { startsAt: `${tomorrow}T15:00:00.000Z`, date: tomorrow, time: '10:00' },
      { startsAt: `${tomorrow}T15:30:00.000Z`, date: tomorrow, time: '10:30' },
    ]);
    expect(any.nextTimes[0]!.startsAt).toBe(any.nextAvailableAt);

    const evening = (await resultFor('clarinet tomorrow evening', i.id))!;
    expect(evening.nextTimes.map((n) => n.time)).toEqual(['17:00', '17:30', '18:00']);

    // The second time really is bookable; once booked, the card moves on.
    const student = await app.t.user();
    const booked = await app.t.request({
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
      '11:00',
      '17:00',
      '17:30',
    ]);
  });
});
