import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { Clock, ManualClock } from '../../platform/clock.js';
import type { InstructorFixture } from '../../testing/fixtures.js';
import { addAvailability, createInstructor, localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

/** Where the booking tests' clocks start: a Tuesday, 10:00 in New York. */
export const START = new Date('2026-11-24T15:00:00Z');

/** A test app on `clock` whose per-user booking limit stays out of the way unless a test sets one. */
export const bookingsTestApp = (clock: Clock, bookingsPerUserPerMin = 1000) =>
  createTestApp({ clock, config: { bookingsPerUserPerMin } });

/** An instructor teaching piano (30/60 min, $60/h) available 09:00–17:00 for the next week. */
export async function pianoTeacher(
  t: TestApp,
  o: Parameters<typeof createInstructor>[1] = {},
): Promise<InstructorFixture> {
  const inst = await createInstructor(t, {
    services: [{ slug: 'piano', hourlyRateCents: 6000, durations: [30, 60, 90] }],
    ...o,
  });
  const now = t.deps.clock.now();
  const dates = Array.from({ length: 10 }, (_, i) => localDate(now, i, o.timezone));
  await addAvailability(t, inst.id, dates, ['09:00-17:00']);
  return inst;
}

export const book = (
  t: TestApp,
  token: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) => t.request({ method: 'POST', url: '/api/v1/bookings', token, payload: body, headers });

export const lessonBody = (offeringId: string, date: string, startTime: string, durationMinutes = 60) => ({
  instructorServiceId: offeringId,
  date,
  startTime,
  durationMinutes,
  locationType: 'online',
});

/** The instant of a local wall time, for moving a ManualClock next to a lesson. */
export const at = (date: string, time: string, zone = 'America/New_York') =>
  DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();

/** Sets `clock` to `h` hours before `startsAt`. */
export const hoursBefore = (clock: ManualClock, startsAt: Date, h: number) =>
  clock.set(new Date(startsAt.getTime() - h * 3_600_000));

/**
 * A confirmed 60-minute $60 lesson on `date` at 10:00 New York time, booked by a new student
 * with a new piano teacher.
 */
export async function bookLesson(t: TestApp, date: string) {
  const inst = await pianoTeacher(t);
  const student = await t.user();
  const res = await book(t, student.token, lessonBody(inst.offerings[0]!.id, date, '10:00'));
  expect(res.statusCode).toBe(201);
  const booking = res.json();
  return { inst, student, booking, id: booking.id as string, date, startsAt: at(date, '10:00') };
}
