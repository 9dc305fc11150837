import { z } from 'zod';
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
  z
    .number()
    .int()
    .min(15)
    .max(240)
    .refine((d) => d % 15 === 0, 'Durations are multiples of 15 minutes.'),
  8,
).transform((d) => [...d].sort((a, b) => a - b));

/** PUT with partial semantics: only the fields sent change. */
export const updateProfileBody = z.strictObject({
  bio: z.string().trim().max(2000).optional(),
  yearsExperience: z.number().int().min(0).max(80).optional(),
  areas: z.array(z.string().max(60)).max(40).optional(),
  timezone: timezoneSchema.optional(),
  minAdvanceHours: z.number().int().min(0).max(720).optional(),
  bufferMinutes: z
    .number()
    .int()
    .min(0)
    .max(60)
    .refine((b) => b % 5 === 0, 'Buffer is a multiple of 5 minutes.')
    .optional(),
  maxDaysAhead: z.number().int().min(1).max(365).optional(),
  address: z.string().trim().max(300).nullable().optional(),
  onlineLink: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
});

const offeringFields = {
  hourlyRateCents: z.number().int().min(500, 'At least $5 an hour.').max(100_000, 'At most $1,000 an hour.'),
  durations,
  description: z.string().trim().max(1000).optional(),
  levels: uniqueNonEmpty(z.enum(LEVELS), 3),
  ageGroups: uniqueNonEmpty(z.enum(AGE_GROUPS), 3),
  locationTypes: uniqueNonEmpty(z.enum(LOCATION_TYPES), 3),
};

export const addOfferingBody = z
  .strictObject({
    serviceId: z.string().max(64).optional(),
    serviceSlug: z.string().max(100).optional(),
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

export const listInstructorsQuery = z.object({
  service: z.string().max(100).optional(),
  category: z.string().max(100).optional(),
  minPriceCents: z.coerce.number().int().min(0).optional(),
  maxPriceCents: z.coerce.number().int().min(0).optional(),
  borough: z.string().max(60).optional(),
  format: z.enum(['online', 'in_person']).optional(),
  ...paginationQuery,
});

export type UpdateProfileInput = z.infer<typeof updateProfileBody>;
export type AddOfferingInput = z.infer<typeof addOfferingBody>;
export type UpdateOfferingInput = z.infer<typeof updateOfferingBody>;
export type ListInstructorsQuery = z.infer<typeof listInstructorsQuery>;
