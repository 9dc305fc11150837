// What the instructor routes answer: public and own profiles, offerings and status changes.
// Shared by the server and the web app, so nothing here may import server code.
import { z } from 'zod';
import { accountStatus } from './accounts.js';
import { page } from './pagination.js';

export const level = z.enum(['beginner', 'intermediate', 'advanced']);
export type Level = z.infer<typeof level>;

export const ageGroup = z.enum(['kids', 'teens', 'adults']);
export type AgeGroup = z.infer<typeof ageGroup>;

export const locationType = z.enum(['online', 'instructor_place', 'student_place']);
export type LocationType = z.infer<typeof locationType>;

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
    levels: z.array(level),
    ageGroups: z.array(ageGroup),
    locationTypes: z.array(locationType),
    active: z.boolean(),
  })
  .describe('A service an instructor offers, with its rate and terms.');
export type Offering = z.infer<typeof offering>;

const publicFields = {
  id: z.string(),
  /** First name and last initial ("Ada L."). */
  name: z.string(),
  bio: z.string(),
  yearsExperience: z.int().min(0),
  areas: z.array(area),
  timezone: z.string(),
  /** Null until reviews exist. */
  rating: z.number().nullable(),
  reviewCount: z.int().min(0),
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
    /** Shown to a student only once they book an in-person lesson at the instructor's place. */
    address: z.string().nullable(),
    onlineLink: z.string().nullable(),
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
