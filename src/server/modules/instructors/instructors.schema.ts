import { z } from 'zod';
import { cents, idText, int, queryCents, strictParams, text } from '../../../contracts/primitives.js';
import { timezoneSchema } from '../accounts/accounts.schema.js';
import { paginationQuery } from '../../platform/http/pagination.js';

const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
const AGE_GROUPS = ['kids', 'teens', 'adults'] as const;
export const LOCATION_TYPES = ['online', 'instructor_place', 'student_place'] as const;

const uniqueNonEmpty = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .min(1)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'Values must be unique.');

const durations = uniqueNonEmpty(
  int({ min: 15, max: 240, step: 15, message: 'Durations are multiples of 15 minutes, from 15 to 240.' }),
  8,
).transform((d) => [...d].sort((a, b) => a - b));

/** PUT with partial semantics: only the fields sent change. */
export const updateProfileBody = z.strictObject({
  bio: text({ max: 2000, multiline: true }).optional(),
  yearsExperience: int({ max: 80 }).optional(),
  areas: z.array(idText(60)).max(40).optional(),
  timezone: timezoneSchema.optional(),
  minAdvanceHours: int({ max: 720 }).optional(),
  bufferMinutes: int({
    max: 60,
    step: 5,
    message: 'Buffer is a multiple of 5 minutes, up to 60.',
  }).optional(),
  maxDaysAhead: int({ min: 1, max: 365 }).optional(),
  address: text({ max: 300 }).nullable().optional(),
  // z.url() alone lets a NUL through: the URL parser percent-encodes it but the raw text is stored.
  onlineLink: text({ max: 500 })
    .pipe(z.url({ protocol: /^https?$/ }))
    .nullable()
    .optional(),
});

const offeringFields = {
  hourlyRateCents: cents().min(500, 'At least $5 an hour.').max(100_000, 'At most $1,000 an hour.'),
  durations,
  description: text({ max: 1000, multiline: true }).optional(),
  levels: uniqueNonEmpty(z.enum(LEVELS), 3),
  ageGroups: uniqueNonEmpty(z.enum(AGE_GROUPS), 3),
  locationTypes: uniqueNonEmpty(z.enum(LOCATION_TYPES), 3),
};

export const addOfferingBody = z
  .strictObject({
    serviceId: idText().optional(),
    serviceSlug: idText(100).optional(),
    ...offeringFields,
  })
  .refine((b) => !!b.serviceId !== !!b.serviceSlug, 'Send exactly one of serviceId or serviceSlug.');

export const updateOfferingBody = z
  .strictObject({
    hourlyRateCents: offeringFields.hourlyRateCents.optional(),
    durations: durations.optional(),
    description: offeringFields.description,
    levels: offeringFields.levels.optional(),
    ageGroups: offeringFields.ageGroups.optional(),
    locationTypes: offeringFields.locationTypes.optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Send at least one field to change.');

export const statusBody = z.strictObject({ action: z.enum(['suspend', 'deactivate', 'reactivate']) });

export const listInstructorsQuery = strictParams({
  service: idText(100).optional(),
  category: idText(100).optional(),
  minPriceCents: queryCents().optional(),
  maxPriceCents: queryCents().optional(),
  borough: idText(60).optional(),
  format: z.enum(['online', 'in_person']).optional(),
  ...paginationQuery,
});

export const instructorIdParams = strictParams({ id: idText() });

export type UpdateProfileInput = z.infer<typeof updateProfileBody>;
export type AddOfferingInput = z.infer<typeof addOfferingBody>;
export type UpdateOfferingInput = z.infer<typeof updateOfferingBody>;
export type ListInstructorsQuery = z.infer<typeof listInstructorsQuery>;
