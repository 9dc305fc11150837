// What the availability routes take and answer: the instructor's own week editor and blackouts,
// and the bookable times a student sees before booking.
import { z } from 'zod';
import { bookingStatus } from './bookings.js';
import { parseHHMM } from './clock-time.js';
import { errorResponse } from './errors.js';
import { LESSON_MINUTES, LESSON_MINUTES_MESSAGE } from './lesson-vocabulary.js';
import { page } from './pagination.js';
import { calendarDate, idText, queryInt, strictParams, text } from './primitives.js';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const dateField = calendarDate();
const time = z
  .string()
  .refine((t) => parseHHMM(t) !== null, 'Use HH:MM (00:00–24:00).')
  .refine((t) => (parseHHMM(t) ?? 1) % 15 === 0, 'Times align to 15 minutes.');

export const rangeSchema = z
  .strictObject({ start: time, end: time })
  .refine(
    (r) => parseHHMM(r.end)! > parseHHMM(r.start)!,
    'A range ends after it starts (no range crosses midnight).',
  );

export const weekQuery = strictParams({ start: dateField.optional() });

export const replaceWeekBody = z.strictObject({
  start: dateField,
  days: z.array(z.strictObject({ date: dateField, ranges: z.array(rangeSchema).max(48) })).max(7),
});

export const copyWeekBody = z.strictObject({ fromWeekStart: dateField, toWeekStart: dateField });

export const applyPatternBody = z.strictObject({
  fromWeekStart: dateField,
  startDate: dateField,
  endDate: dateField,
});

const op = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('add'), date: dateField, start: time, end: time }),
  z.strictObject({ action: z.literal('remove'), date: dateField, start: time, end: time }),
  z.strictObject({
    action: z.literal('update'),
    date: dateField,
    start: time,
    end: time,
    newStart: time,
    newEnd: time,
  }),
]);
export type BulkOperation = z.infer<typeof op>;

export const bulkBody = z.strictObject({
  operations: z.array(op).min(1).max(200),
  validate_only: z.boolean().default(false),
});

export const singleRangeBody = z.strictObject({ date: dateField, start: time, end: time });
export const singleRangeQuery = strictParams({ date: dateField, start: time, end: time });

export const blackoutBody = z.strictObject({ date: dateField, reason: text({ min: 1, max: 200 }) });
export const blackoutParams = strictParams({ date: dateField });

export const publicAvailabilityQuery = strictParams({
  start: dateField.optional(),
  end: dateField.optional(),
  detail: z.enum(['full', 'summary', 'minimal']).default('full'),
  duration: queryInt({ ...LESSON_MINUTES, message: LESSON_MINUTES_MESSAGE }).optional(),
  instructorServiceId: idText().optional(),
});

export const nextAvailableQuery = publicAvailabilityQuery.pick({ duration: true, instructorServiceId: true });
export const instructorIdParams = strictParams({ id: idText() });

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

/** A calendar date `YYYY-MM-DD`, in the instructor's zone. */
const localDate = z.iso.date();
/** A local time `HH:MM` in the instructor's zone; `24:00` ends a range at midnight. */
const localTime = z.string().regex(/^\d{2}:\d{2}$/);
/** IANA zone the local dates and times are in. */
const timezone = z.string();

export const timeRange = z
  .object({ start: localTime, end: localTime })
  .describe('A local time range; it ends after it starts, the same day.');
export type TimeRange = z.infer<typeof timeRange>;

// ── The instructor's editor ─────────────────────────────────────────────────────────────────

export const weekBooking = z
  .object({
    id: z.string(),
    /** The service's name as booked. */
    service: z.string(),
    start: localTime,
    /** `24:00` when the lesson runs past midnight. */
    end: localTime,
    /** Only confirmed lessons are listed. */
    status: bookingStatus,
  })
  .describe('A confirmed lesson on that day, in local times.');
export type WeekBooking = z.infer<typeof weekBooking>;

export const weekDay = z
  .object({
    date: localDate,
    isPast: z.boolean(),
    isBlackout: z.boolean(),
    blackoutReason: z.string().nullable(),
    ranges: z.array(timeRange),
    bookings: z.array(weekBooking),
  })
  .describe('One day of the week: its availability ranges, day off and lessons.');
export type WeekDay = z.infer<typeof weekDay>;

export const availabilityWeek = z
  .object({
    /** The Monday the week starts on. */
    weekStart: localDate,
    timezone,
    /** Monday to Sunday, seven days. */
    days: z.array(weekDay),
  })
  .describe("The instructor's own week, Monday to Sunday, in the instructor's zone.");
export type AvailabilityWeek = z.infer<typeof availabilityWeek>;

export const patternApplied = z
  .object({ datesUpdated: z.int().min(0) })
  .describe('The pattern week was copied onto this many dates.');
export type PatternApplied = z.infer<typeof patternApplied>;

export const bulkOperationResult = z
  .discriminatedUnion('ok', [
    z.object({ index: z.int().min(0), ok: z.literal(true) }),
    z.object({
      index: z.int().min(0),
      ok: z.literal(false),
      error: z.object({ code: z.string(), message: z.string() }),
    }),
  ])
  .describe('The outcome of one operation, by its index in the request.');
export type BulkOperationResult = z.infer<typeof bulkOperationResult>;

export const bulkOutcome = z
  .object({
    validateOnly: z.boolean(),
    /** False with `validateOnly`: nothing was written. */
    applied: z.boolean(),
    results: z.array(bulkOperationResult),
  })
  .describe('Every operation succeeded; they were applied unless only validated.');
export type BulkOutcome = z.infer<typeof bulkOutcome>;

export const bulkRefusal = z
  .object({
    error: errorResponse.shape.error.extend({
      details: z.object({
        validateOnly: z.boolean(),
        applied: z.literal(false),
        results: z.array(bulkOperationResult),
      }),
    }),
  })
  .describe(
    'Refused: some operation failed, so nothing was changed. One operation: its own code; ' +
      'several: OPERATIONS_FAILED. Each outcome is under details.results.',
  );
export type BulkRefusal = z.infer<typeof bulkRefusal>;

export const blackout = z
  .object({ date: localDate, reason: z.string() })
  .describe('A day off: no lessons can be booked on it.');
export type Blackout = z.infer<typeof blackout>;

export const blackoutPage = page(blackout).describe('Upcoming days off, from today, in date order.');
export type BlackoutPage = z.infer<typeof blackoutPage>;

// ── Public ──────────────────────────────────────────────────────────────────────────────────

export const availabilityDay = z
  .object({
    date: localDate,
    isBlackout: z.boolean(),
    /** Bookable time, after notice, buffers and lessons. */
    ranges: z.array(timeRange),
    /** Where a lesson of the requested duration can start. */
    startTimes: z.array(localTime),
  })
  .describe('One day of bookable time.');
export type AvailabilityDay = z.infer<typeof availabilityDay>;

export const publicAvailabilityFull = z
  .object({
    instructorId: z.string(),
    timezone,
    /** The lesson length the start times are for, in minutes. */
    duration: z.int(),
    earliestAvailableDate: localDate.nullable(),
    earliestAvailableAt: z.iso.datetime().nullable(),
    days: z.array(availabilityDay),
  })
  .describe('detail=full: bookable ranges and start times per day.');
export type PublicAvailabilityFull = z.infer<typeof publicAvailabilityFull>;

export const availabilityDaySummary = z
  .object({
    date: localDate,
    isBlackout: z.boolean(),
    /** A lesson can start 06:00–12:00. */
    morning: z.boolean(),
    /** A lesson can start 12:00–17:00. */
    afternoon: z.boolean(),
    /** A lesson can start 17:00–22:00. */
    evening: z.boolean(),
    /** Bookable hours that day, to two decimals. */
    totalHours: z.number().min(0),
  })
  .describe('One day, summarised by part of day.');
export type AvailabilityDaySummary = z.infer<typeof availabilityDaySummary>;

export const publicAvailabilitySummary = z
  .object({
    instructorId: z.string(),
    timezone,
    duration: z.int(),
    earliestAvailableDate: localDate.nullable(),
    days: z.array(availabilityDaySummary),
  })
  .describe('detail=summary: which parts of each day have bookable time.');
export type PublicAvailabilitySummary = z.infer<typeof publicAvailabilitySummary>;

export const publicAvailabilityMinimal = z
  .object({
    instructorId: z.string(),
    timezone,
    hasAvailability: z.boolean(),
    earliestAvailableDate: localDate.nullable(),
  })
  .describe('detail=minimal: whether there is any bookable time in the range.');
export type PublicAvailabilityMinimal = z.infer<typeof publicAvailabilityMinimal>;

export const publicAvailability = z
  .union([publicAvailabilityFull, publicAvailabilitySummary, publicAvailabilityMinimal])
  .describe("An instructor's bookable time, in the shape the `detail` parameter asks for.");
export type PublicAvailability = z.infer<typeof publicAvailability>;

export const nextAvailable = z
  .object({
    instructorId: z.string(),
    timezone,
    duration: z.int(),
    /** The first bookable start as an instant; null when nothing is open within the booking window. */
    nextAvailableAt: z.iso.datetime().nullable(),
    date: localDate.nullable(),
    time: localTime.nullable(),
  })
  .describe('The first time a lesson of this duration can be booked.');
export type NextAvailable = z.infer<typeof nextAvailable>;
