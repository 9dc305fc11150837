import { z } from 'zod';
import { calendarDate, idText, instant, int, strictParams, text } from '../../../contracts/primitives.js';
import { paginationQuery } from '../../platform/http/pagination.js';

const date = calendarDate();
// The pattern admits no control characters, so it needs no text() wrapper.
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM.');
const duration = int({ min: 15, max: 240, message: 'Use a lesson length from 15 to 240 minutes.' });

/** A lesson time: date + startTime in the instructor's zone, or an instant (which wins). */
const when = {
  date: date.optional(),
  startTime: time.optional(),
  startsAt: instant().optional(),
};
const hasWhen = (b: { date?: string; startTime?: string; startsAt?: string }) =>
  !!b.startsAt || (!!b.date && !!b.startTime);
const whenMessage = 'Send date and startTime (instructor’s zone) or startsAt.';

export const createBookingBody = z
  .strictObject({
    instructorServiceId: idText(),
    ...when,
    durationMinutes: duration,
    locationType: z.enum(['online', 'instructor_place', 'student_place']),
    studentAddress: text({ min: 5, max: 300 }).optional(),
    note: text({ max: 1000, multiline: true }).optional(),
  })
  .refine(hasWhen, whenMessage);

export const rescheduleBody = z
  .strictObject({ ...when, durationMinutes: duration.optional() })
  .refine(hasWhen, whenMessage);

export const cancelBody = z.strictObject({
  reason: text({ min: 1, max: 500, multiline: true, minMessage: 'Give a reason.' }),
});

export const listBookingsQuery = strictParams({
  as: z.enum(['student', 'instructor']).default('student'),
  scope: z.enum(['upcoming', 'history']).default('upcoming'),
  ...paginationQuery,
});

export const bookingIdParams = strictParams({ id: idText() });

export type CreateBookingInput = z.infer<typeof createBookingBody>;
export type RescheduleInput = z.infer<typeof rescheduleBody>;
