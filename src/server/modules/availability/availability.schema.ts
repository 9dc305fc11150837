import { z } from 'zod';
import { calendarDate, idText, queryInt, strictParams, text } from '../../../contracts/primitives.js';
import { parseHHMM } from './local-time.js';

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
  duration: queryInt({
    min: 15,
    max: 240,
    step: 15,
    message: 'Durations are multiples of 15 minutes, from 15 to 240.',
  }).optional(),
  instructorServiceId: idText().optional(),
});

export const nextAvailableQuery = publicAvailabilityQuery.pick({ duration: true, instructorServiceId: true });
export const instructorIdParams = strictParams({ id: idText() });
