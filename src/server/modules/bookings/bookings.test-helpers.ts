import { DateTime } from 'luxon';
import type { InstructorFixture } from '../../testing/fixtures.js';
import { addAvailability, createInstructor, localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';

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
