import { dbRefusalOf } from '../../db/pg-errors.js';
import type { Clock } from '../../platform/clock.js';
import { conflict, unprocessable } from '../../platform/http/errors.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import { isBookable } from '../availability/bookable-time.js';
import { addDays, instantToLocal, localToInstant } from '../availability/local-time.js';

/** Any overlap, whichever layer finds it (the slot engine or the exclusion constraint), is this 409. */
export const bookingConflict = () =>
  conflict(
    'BOOKING_CONFLICT',
    'That time overlaps another lesson (of the instructor, buffer included, or of yours).',
  );

/**
 * The exclusion constraint refused an overlap. A deadlock can only come from two lessons racing
 * for the same time, so it is the same answer.
 */
export function isOverlapRefusal(err: unknown): boolean {
  const refusal = dbRefusalOf(err);
  return refusal === 'exclusion_violation' || refusal === 'deadlock';
}

const RULE_ERRORS: Record<string, [string, string]> = {
  IN_PAST: ['IN_PAST', 'That time has already passed.'],
  MIN_NOTICE: ['MIN_NOTICE', 'That is sooner than this instructor’s minimum notice.'],
  TOO_FAR_AHEAD: ['TOO_FAR_AHEAD', 'That is further ahead than this instructor takes bookings.'],
  BLACKOUT: ['BLACKOUT', 'The instructor is not available that day.'],
  NOT_ON_GRID: ['NOT_ON_GRID', 'Lessons start on the quarter hour.'],
  OUTSIDE_AVAILABILITY: ['OUTSIDE_AVAILABILITY', 'The instructor is not available for that whole lesson.'],
};

/** Resolves date + startTime (instructor's zone) or startsAt; a wall time that does not exist is 422. */
export function startInstant(
  input: { date?: string; startTime?: string; startsAt?: string },
  zone: string,
): Date {
  if (input.startsAt) return new Date(input.startsAt);
  const [h, m] = input.startTime!.split(':').map(Number) as [number, number];
  let local;
  try {
    local = localToInstant(input.date!, h * 60 + m, zone);
  } catch {
    throw unprocessable('INVALID_DATE', 'That date does not exist.');
  }
  if (!local.exists)
    throw unprocessable('NONEXISTENT_LOCAL_TIME', 'That local time does not exist (the clocks change).');
  return local.instant;
}

/** Checks every rule of PRODUCT §5 that is not an overlap; overlaps are the database's job. */
export async function assertBookable(
  availability: AvailabilityService,
  clock: Clock,
  lesson: { instructorId: string; zone: string; startsAt: Date; minutes: number; excludeBookingId?: string },
): Promise<void> {
  const date = instantToLocal(lesson.startsAt, lesson.zone).date;
  const schedule = await availability.schedule(lesson.instructorId, addDays(date, -1), addDays(date, 1), {
    excludeBookingId: lesson.excludeBookingId,
  });
  if (!schedule) throw unprocessable('INSTRUCTOR_UNAVAILABLE', 'This instructor is not taking bookings.');
  const check = isBookable({ ...schedule, now: clock.now() }, lesson.startsAt, lesson.minutes);
  if (check.ok) return;
  if (check.reason === 'BOOKING_CONFLICT') throw bookingConflict();
  const [code, message] = RULE_ERRORS[check.reason]!;
  throw unprocessable(code, message);
}
