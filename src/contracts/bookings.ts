// What the bookings routes take and answer, shared by the server and the web app.
import { z } from 'zod';
import { BOOKING_STATUSES, LESSON_MINUTES, LOCATION_TYPES } from './lesson-vocabulary.js';
import { page, paginationQuery } from './pagination.js';
import { calendarDate, idText, instant, int, queryInt, strictParams, text } from './primitives.js';

export const bookingStatus = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatus>;

export const lessonLocationType = z.enum(LOCATION_TYPES);
export type LessonLocationType = z.infer<typeof lessonLocationType>;

// ── Requests ────────────────────────────────────────────────────────────────────────────────

const date = calendarDate();
// The pattern admits no control characters, so it needs no text() wrapper.
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM.');
const duration = int({
  min: LESSON_MINUTES.min,
  max: LESSON_MINUTES.max,
  message: 'Use a lesson length from 15 to 240 minutes.',
});

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
    locationType: lessonLocationType,
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

/** The longest stretch GET /bookings/schedule answers at once: six weeks, a month view. */
export const SCHEDULE_MAX_DAYS = 42;

export const scheduleQuery = strictParams({
  from: calendarDate().describe('First day (YYYY-MM-DD) in the instructor’s zone.'),
  days: queryInt({
    min: 1,
    max: SCHEDULE_MAX_DAYS,
    message: `Ask for 1 to ${SCHEDULE_MAX_DAYS} days.`,
  }).default(7),
});
export type ScheduleQuery = z.infer<typeof scheduleQuery>;

export const bookingIdParams = strictParams({ id: idText() });

/** Loose, so Authorization and Cookie stay on the request; the key itself is checked by the service. */
export const idempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .optional()
    .describe(
      'Up to 200 visible ASCII characters. A retry with the same key and body replays the first answer ' +
        '(with Idempotent-Replayed: true) for 24 hours; the same key with another body is 409.',
    ),
});

export type CreateBookingInput = z.infer<typeof createBookingBody>;
export type RescheduleInput = z.infer<typeof rescheduleBody>;

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

/** Who cancelled: one of the two people, an admin, or the system (an account was deactivated). */
export const bookingCanceller = z.enum(['student', 'instructor', 'admin', 'system']);
export type BookingCanceller = z.infer<typeof bookingCanceller>;

const isoInstant = z.string().describe('ISO-8601 instant (UTC).');

/** What a person can do to a lesson; each booking lists the ones its viewer may do now. */
export const BOOKING_ACTIONS = ['cancel', 'reschedule', 'complete', 'no_show'] as const;
export const bookingAction = z.enum(BOOKING_ACTIONS);
export type BookingAction = z.infer<typeof bookingAction>;

export const bookedService = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .describe('The service as it was when the lesson was booked.');
export type BookedService = z.infer<typeof bookedService>;

export const bookingPerson = z
  .object({
    id: z.string(),
    name: z.string().describe('Full name: shown only to the other person.'),
    photoUrl: z.string().nullable().describe('Their profile photo (instructors); null: draw a placeholder.'),
  })
  .describe('One of the two people in the lesson.');
export type BookingPerson = z.infer<typeof bookingPerson>;

export const booking = z
  .object({
    id: z.string(),
    status: bookingStatus,
    studentId: z.string(),
    instructorId: z.string(),
    instructorServiceId: z.string(),
    service: bookedService,
    instructor: bookingPerson,
    student: bookingPerson,
    date: z.string().describe('Start date (YYYY-MM-DD) in the instructor’s zone.'),
    startTime: z.string().describe('Start time (HH:MM) in the instructor’s zone.'),
    endTime: z
      .string()
      .describe('End time (HH:MM) in the instructor’s zone; 24:00 when it ends at midnight.'),
    timezone: z.string().describe('The instructor’s IANA zone, which date and times are in.'),
    studentTimezone: z.string().describe('The student’s IANA zone when they booked.'),
    startsAt: isoInstant,
    endsAt: isoInstant,
    durationMinutes: z.int(),
    hourlyRateCents: z.int(),
    priceCents: z.int(),
    locationType: lessonLocationType,
    studentAddress: z.string().nullable().describe('Only for a lesson at the student’s place.'),
    note: z.string().nullable(),
    cancellationFeeCents: z.int().nullable(),
    cancelledBy: bookingCanceller.nullable(),
    cancellationReason: z.string().nullable(),
    cancelledAt: isoInstant.nullable(),
    completedAt: isoInstant.nullable(),
    createdAt: isoInstant,
    allowedActions: z
      .array(bookingAction)
      .describe('What the viewer may do to this lesson now, by the same rules the action routes enforce.'),
  })
  .describe('A lesson as its participants see it.');
export type Booking = z.infer<typeof booking>;

export const bookingPage = page(booking).describe('A page of my lessons, as student or instructor.');
export type BookingPage = z.infer<typeof bookingPage>;

export const bookingSchedule = z
  .object({
    from: z.string().describe('First day (YYYY-MM-DD) in the instructor’s zone.'),
    to: z.string().describe('The day after the last one (YYYY-MM-DD), in the instructor’s zone.'),
    timezone: z.string().describe('The instructor’s IANA zone, which the days are in.'),
    items: z.array(booking).describe('Every lesson starting in the range, any status, earliest first.'),
  })
  .describe('An instructor’s lessons over some days, for a calendar.');
export type BookingSchedule = z.infer<typeof bookingSchedule>;

export const cancellationPolicy = z
  .object({
    freeHours: z.number().describe('Cancelling at least this many hours ahead is free.'),
    partialHours: z.number().describe('From this many hours up to freeHours ahead, partialPercent is due.'),
    partialPercent: z.number(),
    latePercent: z.number().describe('Due when cancelling under partialHours ahead.'),
  })
  .describe('What a student owes for cancelling, by hours of notice.');
export type CancellationPolicy = z.infer<typeof cancellationPolicy>;

export const cancellationQuote = z
  .object({
    percent: z.number(),
    feeCents: z.int(),
    hoursBeforeStart: z.number().describe('In tenths of an hour.'),
    policy: cancellationPolicy,
  })
  .describe('What cancelling now would cost the student.');
export type CancellationQuote = z.infer<typeof cancellationQuote>;

export const bookingDetail = booking
  .extend({
    cancellationQuote: cancellationQuote
      .nullable()
      .describe('Null when the lesson can no longer be cancelled ahead (not confirmed, or started).'),
  })
  .describe('A lesson, with what cancelling it now would cost.');
export type BookingDetail = z.infer<typeof bookingDetail>;

export const bookingTerms = z
  .object({
    cancellation: cancellationPolicy,
    rescheduleMinHours: z.number().describe('A lesson can be moved until this many hours before it starts.'),
  })
  .describe('The terms every booking is made under.');
export type BookingTerms = z.infer<typeof bookingTerms>;

export const bookAgainItem = z
  .object({
    instructor: bookingPerson,
    instructorServiceId: z.string(),
    service: bookedService,
    hourlyRateCents: z.int(),
    durations: z.array(z.int()),
    lastLessonAt: isoInstant,
  })
  .describe('An instructor of a recent lesson, with the offering to book again.');
export type BookAgainItem = z.infer<typeof bookAgainItem>;

export const bookAgainList = page(bookAgainItem).describe('The instructors of my recent lessons (one page).');
export type BookAgainList = z.infer<typeof bookAgainList>;

export const bookingStats = z
  .object({
    upcoming: z.int(),
    completed: z.int(),
    cancelled: z.int(),
    noShow: z.int(),
    earningsThisMonthCents: z.int().describe('This calendar month, in the instructor’s zone.'),
    earningsTotalCents: z.int(),
  })
  .describe('An instructor’s lesson counts and earnings.');
export type BookingStats = z.infer<typeof bookingStats>;

export const bookingCalendar = z.string().describe('An iCalendar (RFC 5545) file with the lesson.');

// ── Time proposals (decision 0036) ─────────────────────────────────────────────────────────

/** open → accepted | declined | withdrawn | replaced (a newer one) | expired | void (lesson cancelled). */
export const PROPOSAL_STATUSES = [
  'open',
  'accepted',
  'declined',
  'withdrawn',
  'replaced',
  'expired',
  'void',
] as const;
export const proposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.infer<typeof proposalStatus>;

/** The instructor's new start for the lesson, same length: date + startTime in their zone, or startsAt. */
export const proposeTimeBody = z.strictObject({ ...when }).refine(hasWhen, whenMessage);
export type ProposeTimeInput = z.infer<typeof proposeTimeBody>;

/** Which proposal the student answers, so a newer one is never accepted unseen. */
export const proposalAnswerBody = z.strictObject({ proposalId: idText() });

export const timeProposal = z
  .object({
    id: z.string(),
    bookingId: z.string(),
    status: proposalStatus.describe('An open proposal whose time or lesson has started reads as expired.'),
    startsAt: isoInstant,
    endsAt: isoInstant,
    date: z.string().describe('Proposed start date (YYYY-MM-DD) in the instructor’s zone.'),
    startTime: z.string().describe('Proposed start time (HH:MM) in the instructor’s zone.'),
    durationMinutes: z.int(),
    createdAt: isoInstant,
    decidedAt: isoInstant.nullable(),
  })
  .describe('A new time the instructor proposed for a lesson.');
export type TimeProposal = z.infer<typeof timeProposal>;

export const bookingProposal = z
  .object({ proposal: timeProposal.nullable().describe('The latest proposal for the lesson; null: none.') })
  .describe('The latest time proposal of a lesson.');
export type BookingProposal = z.infer<typeof bookingProposal>;
