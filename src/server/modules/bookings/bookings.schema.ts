import { z } from 'zod';
import { paginationQuery } from '../../platform/http/pagination.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.');
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM.');
const duration = z.number().int().min(15).max(240);

/** A lesson time: date + startTime in the instructor's zone, or an instant (which wins). */
const when = {
  date: date.optional(),
  startTime: time.optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
};
const hasWhen = (b: { date?: string; startTime?: string; startsAt?: string }) =>
  !!b.startsAt || (!!b.date && !!b.startTime);
const whenMessage = 'Send date and startTime (instructor’s zone) or startsAt.';

export const createBookingBody = z
  .strictObject({
    instructorServiceId: z.string().max(64),
    ...when,
    durationMinutes: duration,
    locationType: z.enum(['online', 'instructor_place', 'student_place']),
    studentAddress: z.string().trim().min(5).max(300).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine(hasWhen, whenMessage);

export const rescheduleBody = z
  .strictObject({ ...when, durationMinutes: duration.optional() })
  .refine(hasWhen, whenMessage);

export const cancelBody = z.strictObject({ reason: z.string().trim().min(1, 'Give a reason.').max(500) });

export const listBookingsQuery = z.object({
  as: z.enum(['student', 'instructor']).default('student'),
  scope: z.enum(['upcoming', 'history']).default('upcoming'),
  ...paginationQuery,
});

export const bookingIdParams = z.object({ id: z.string().max(64) });

export type CreateBookingInput = z.infer<typeof createBookingBody>;
export type RescheduleInput = z.infer<typeof rescheduleBody>;
