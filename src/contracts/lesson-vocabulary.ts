// The words lessons are described with, and their labels: one list each, read by the request and
// response contracts, the server's search and catalog, and the web app. Plain values with no
// imports, so the web bundle can take them without pulling in zod.

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABEL: Record<Level, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export const AGE_GROUPS = ['kids', 'teens', 'adults'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const AGE_LABEL: Record<AgeGroup, string> = { kids: 'Kids', teens: 'Teens', adults: 'Adults' };

/** Where a lesson happens. */
export const LOCATION_TYPES = ['online', 'instructor_place', 'student_place'] as const;
export type LocationType = (typeof LOCATION_TYPES)[number];
/** Worded for the student, who is the one choosing. */
export const LOCATION_LABEL: Record<LocationType, string> = {
  online: 'Online',
  student_place: 'At your place',
  instructor_place: "At the instructor's place",
};

/** The search's coarser split of LOCATION_TYPES: online, or either of the in-person places. */
export const LESSON_FORMATS = ['online', 'in_person'] as const;
export type LessonFormat = (typeof LESSON_FORMATS)[number];

export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const BOOKING_STATUSES = ['confirmed', 'completed', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const BOOKING_STATUS_LABEL: Record<BookingStatus, string> = {
  confirmed: 'Confirmed',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** Any lesson length the API takes: whole quarter hours from 15 minutes to 4 hours. */
export const LESSON_MINUTES = { min: 15, max: 240, step: 15 } as const;
export const LESSON_MINUTES_MESSAGE = 'Durations are multiples of 15 minutes, from 15 to 240.';

/** The lengths offered by name: the catalog's typical durations and the instructor's choices. */
export const LESSON_DURATIONS = [15, 30, 45, 60, 75, 90, 120, 150, 180, 240] as const;
/** How many lengths one offering may list: more than a student can compare at a glance. */
export const MAX_DURATIONS_PER_OFFERING = 8;
