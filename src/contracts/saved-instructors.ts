// Saved instructors (issue 17): a student's shortlist of instructors, what the routes take and
// answer. Shared by the server and the web app.
import { z } from 'zod';
import { area, offering } from './instructors.js';
import { idText, strictParams } from './primitives.js';

/** A person may keep at most this many saved instructors; saving one more is refused (409). */
export const MAX_SAVED_INSTRUCTORS = 500;

export const savedInstructorParams = strictParams({ instructorId: idText() });

export const savedInstructor = z
  .object({
    id: z.string(),
    /** First name and last initial ("Ada L."). */
    name: z.string(),
    photoUrl: z.string().nullable(),
    /** Mean stars of published reviews; null until there are any. */
    rating: z.number().nullable(),
    reviewCount: z.int().min(0),
    areas: z.array(area),
    services: z.array(offering).describe('The active offerings, cheapest first.'),
    /** Null when the instructor offers nothing right now. */
    minRateCents: z.int().min(0).nullable(),
    /** The web app's path to the profile. */
    profilePath: z.string(),
    /** ISO-8601 instant. */
    savedAt: z.string(),
  })
  .describe('An instructor I saved, with what a card shows.');
export type SavedInstructor = z.infer<typeof savedInstructor>;

export const savedInstructorList = z
  .object({ items: z.array(savedInstructor), max: z.int().min(1) })
  .describe('My saved instructors, most recently saved first; active instructors only.');
export type SavedInstructorList = z.infer<typeof savedInstructorList>;

export const savedInstructorIds = z
  .object({ ids: z.array(z.string()) })
  .describe('The ids of the instructors I saved, to mark them on search results and profiles.');
export type SavedInstructorIds = z.infer<typeof savedInstructorIds>;

export const savedInstructorState = z
  .object({ instructorId: z.string(), saved: z.boolean() })
  .describe('Whether the instructor is now in my saved list.');
export type SavedInstructorState = z.infer<typeof savedInstructorState>;
