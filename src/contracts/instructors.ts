// What the instructor routes take and answer: public and own profiles, offerings and status
// changes. Shared by the server and the web app, so nothing here may import server code.
import { z } from 'zod';
import { accountStatus, timezoneSchema } from './accounts.js';
import { BOOKING_SETTINGS, LANGUAGE_CODES, MAX_LANGUAGES } from './profile-vocabulary.js';
import {
  AGE_GROUPS,
  LESSON_FORMATS,
  LESSON_MINUTES,
  LESSON_MINUTES_MESSAGE,
  LEVELS,
  LOCATION_TYPES,
  MAX_DURATIONS_PER_OFFERING,
} from './lesson-vocabulary.js';
import { page, paginationQuery } from './pagination.js';
import { cents, idText, int, queryCents, strictParams, text } from './primitives.js';

export const level = z.enum(LEVELS);
export type Level = z.infer<typeof level>;

export const ageGroup = z.enum(AGE_GROUPS);
export type AgeGroup = z.infer<typeof ageGroup>;

export const locationType = z.enum(LOCATION_TYPES);
export type LocationType = z.infer<typeof locationType>;

export const languageCode = z.enum(LANGUAGE_CODES, { error: 'Choose languages from the list.' });

// ── Requests ────────────────────────────────────────────────────────────────────────────────

const uniqueNonEmpty = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .min(1)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'Values must be unique.');

const durations = uniqueNonEmpty(
  int({ ...LESSON_MINUTES, message: LESSON_MINUTES_MESSAGE }),
  MAX_DURATIONS_PER_OFFERING,
).transform((d) => [...d].sort((a, b) => a - b));

/** PUT with partial semantics: only the fields sent change. */
export const updateProfileBody = z.strictObject({
  bio: text({ max: 2000, multiline: true }).optional(),
  yearsExperience: int({ max: 80 }).optional(),
  areas: z.array(idText(60)).max(40).optional(),
  timezone: timezoneSchema.optional(),
  minAdvanceHours: int({
    ...BOOKING_SETTINGS.minAdvanceHours,
    message: 'Minimum notice is 0 to 720 hours.',
  }).optional(),
  bufferMinutes: int({
    ...BOOKING_SETTINGS.bufferMinutes,
    message: 'Buffer is a multiple of 5 minutes, up to 60.',
  }).optional(),
  maxDaysAhead: int({
    ...BOOKING_SETTINGS.maxDaysAhead,
    message: 'Students may book 1 to 365 days ahead.',
  }).optional(),
  /** ISO 639-1 codes from the fixed list, in the order shown. */
  languages: z
    .array(languageCode)
    .max(MAX_LANGUAGES, `At most ${MAX_LANGUAGES} languages.`)
    .refine((a) => new Set(a).size === a.length, 'Values must be unique.')
    .optional(),
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
  /** What a first lesson looks like; '' clears it. */
  firstLesson: text({ max: 1000, multiline: true }).optional(),
  levels: uniqueNonEmpty(level, LEVELS.length),
  ageGroups: uniqueNonEmpty(ageGroup, AGE_GROUPS.length),
  locationTypes: uniqueNonEmpty(locationType, LOCATION_TYPES.length),
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
    firstLesson: offeringFields.firstLesson,
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
  format: z.enum(LESSON_FORMATS).optional(),
  ...paginationQuery,
});

export const instructorIdParams = strictParams({ id: idText() });

export type UpdateProfileInput = z.infer<typeof updateProfileBody>;
export type AddOfferingInput = z.infer<typeof addOfferingBody>;
export type UpdateOfferingInput = z.infer<typeof updateOfferingBody>;
export type ListInstructorsQuery = z.infer<typeof listInstructorsQuery>;

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

export const serviceRef = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), categorySlug: z.string() })
  .describe('The catalog service an offering teaches.');
export type ServiceRef = z.infer<typeof serviceRef>;

export const area = z
  .object({
    boroughSlug: z.string(),
    borough: z.string(),
    /** Null when the instructor serves the whole borough. */
    neighborhoodSlug: z.string().nullable(),
    neighborhood: z.string().nullable(),
  })
  .describe('A borough, or a neighbourhood in it, where the instructor teaches.');
export type Area = z.infer<typeof area>;

export const offering = z
  .object({
    instructorServiceId: z.string(),
    service: serviceRef,
    hourlyRateCents: z.int().min(0),
    /** Lesson lengths offered, in minutes, shortest first. */
    durations: z.array(z.int()),
    /** Empty when the instructor wrote none. */
    description: z.string(),
    /** What a first lesson of this service looks like; empty when the instructor wrote none. */
    firstLesson: z.string(),
    levels: z.array(level),
    ageGroups: z.array(ageGroup),
    locationTypes: z.array(locationType),
    active: z.boolean(),
  })
  .describe('A service an instructor offers, with its rate and terms.');
export type Offering = z.infer<typeof offering>;

export const language = z
  .object({ code: languageCode, name: z.string() })
  .describe('A language spoken: its ISO 639-1 code and English name.');
export type Language = z.infer<typeof language>;

const publicFields = {
  id: z.string(),
  /** First name and last initial ("Ada L."). */
  name: z.string(),
  bio: z.string(),
  yearsExperience: z.int().min(0),
  areas: z.array(area),
  timezone: z.string(),
  /** Mean stars of published reviews; null until there are any. */
  rating: z.number().nullable(),
  reviewCount: z.int().min(0),
  /** The profile photo; null when there is none (the client draws a placeholder). */
  photoUrl: z.string().nullable(),
  languages: z.array(language).describe('Languages the instructor teaches in, as they ordered them.'),
};

export const publicInstructor = z
  .object({
    ...publicFields,
    services: z.array(offering),
    replyTimeMinutes: z
      .int()
      .min(0)
      .nullable()
      .describe(
        'Median minutes to the first reply to a student over the last 30 days; null below 3 answered conversations.',
      ),
  })
  .describe('An instructor as anyone sees them, with their active offerings.');
export type PublicInstructor = z.infer<typeof publicInstructor>;

export const instructorListItem = z
  .object({
    ...publicFields,
    services: z.array(offering).describe('The offerings that match the filters, cheapest first.'),
    /** Lowest hourly rate among the matching offerings. */
    minRateCents: z.int().min(0),
  })
  .describe('An instructor in a filtered list.');
export type InstructorListItem = z.infer<typeof instructorListItem>;

export const instructorPage = page(instructorListItem).describe(
  'A page of active instructors with a matching offering, cheapest first.',
);
export type InstructorPage = z.infer<typeof instructorPage>;

export const ownInstructorProfile = z
  .object({
    id: z.string(),
    /** The full name: this is the instructor's own view. */
    name: z.string(),
    accountStatus,
    bio: z.string(),
    yearsExperience: z.int().min(0),
    areas: z.array(area),
    timezone: z.string(),
    minAdvanceHours: z.int().min(0),
    bufferMinutes: z.int().min(0),
    maxDaysAhead: z.int().min(1),
    languages: z.array(language),
    /** Shown to a student only once they book an in-person lesson at the instructor's place. */
    address: z.string().nullable(),
    onlineLink: z.string().nullable(),
    /** The 256 px rendition of the profile photo; null when there is none. */
    photoUrl: z.string().nullable(),
    services: z.array(offering).describe('Every offering, retired ones included.'),
  })
  .describe("The signed-in instructor's own profile, with settings and every offering.");
export type OwnInstructorProfile = z.infer<typeof ownInstructorProfile>;

export const offeringRemoval = z
  .object({
    deleted: z.boolean(),
    /** True when lessons point at the offering: it is retired (inactive) instead of deleted. */
    deactivated: z.boolean(),
  })
  .describe('What became of the offering: deleted, or kept inactive because it has lessons.');
export type OfferingRemoval = z.infer<typeof offeringRemoval>;

export const instructorStatusChange = z
  .object({ accountStatus })
  .describe("The account's status after the change.");
export type InstructorStatusChange = z.infer<typeof instructorStatusChange>;
