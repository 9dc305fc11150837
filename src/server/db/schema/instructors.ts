import { DEFAULT_TIME_ZONE } from '../../../contracts/time-zone.js';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';
import { services } from './catalog.js';

/** Region → borough → neighbourhood, loaded from data/areas.json. */
export const boroughs = pgTable('boroughs', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  regionSlug: text('region_slug').notNull(),
  regionName: text('region_name').notNull(),
  timezone: text('timezone').notNull(),
  aliases: text('aliases').array().notNull(),
});

export const neighborhoods = pgTable('neighborhoods', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
  boroughSlug: text('borough_slug')
    .notNull()
    .references(() => boroughs.slug),
  aliases: text('aliases').array().notNull(),
});

export const instructorProfiles = pgTable(
  'instructor_profiles',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    bio: text('bio').notNull().default(''),
    yearsExperience: integer('years_experience').notNull().default(0),
    timezone: text('timezone').notNull().default(DEFAULT_TIME_ZONE),
    minAdvanceHours: integer('min_advance_hours').notNull().default(2),
    bufferMinutes: integer('buffer_minutes').notNull().default(0),
    maxDaysAhead: integer('max_days_ahead').notNull().default(90),
    /** Shown to a student only once they have booked an in-person lesson at the instructor's place. */
    address: text('address'),
    onlineLink: text('online_link'),
    /** Content-hashed key of the profile photo in photo storage; null = none (a placeholder is drawn). */
    photoKey: text('photo_key'),
    /** ISO 639-1 codes from src/contracts/languages.ts, in the order the instructor chose. */
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('instructor_profiles_buffer_check', sql`${t.bufferMinutes} between 0 and 60`),
    check('instructor_profiles_notice_check', sql`${t.minAdvanceHours} between 0 and 720`),
    check('instructor_profiles_ahead_check', sql`${t.maxDaysAhead} between 1 and 365`),
    check('instructor_profiles_years_check', sql`${t.yearsExperience} between 0 and 80`),
    check('instructor_profiles_photo_key_check', sql`${t.photoKey} ~ '^[0-9a-f]{32}$'`),
    check('instructor_profiles_languages_check', sql`cardinality(${t.languages}) <= 8`),
  ],
);

/** An instructor serves whole boroughs (neighborhood null) or named neighbourhoods in them. */
export const instructorAreas = pgTable(
  'instructor_areas',
  {
    instructorId: uuid('instructor_id')
      .notNull()
      .references(() => instructorProfiles.userId, { onDelete: 'cascade' }),
    boroughSlug: text('borough_slug')
      .notNull()
      .references(() => boroughs.slug),
    neighborhoodSlug: text('neighborhood_slug').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.instructorId, t.boroughSlug, t.neighborhoodSlug] })],
);

export const instructorServices = pgTable(
  'instructor_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instructorId: uuid('instructor_id')
      .notNull()
      .references(() => instructorProfiles.userId, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    hourlyRateCents: integer('hourly_rate_cents').notNull(),
    durations: integer('durations').array().notNull(),
    description: text('description').notNull().default(''),
    /** What a first lesson of this service looks like, in the instructor's words; '' = not written. */
    firstLesson: text('first_lesson').notNull().default(''),
    levels: text('levels').array().notNull(),
    ageGroups: text('age_groups').array().notNull(),
    locationTypes: text('location_types').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('instructor_services_pair_key').on(t.instructorId, t.serviceId),
    index('instructor_services_service_idx').on(t.serviceId, t.active),
    check(
      'instructor_services_rate_check',
      sql`${t.hourlyRateCents} > 0 and ${t.hourlyRateCents} <= 10000000`,
    ),
    check('instructor_services_first_lesson_check', sql`char_length(${t.firstLesson}) <= 1000`),
  ],
);

/** A student's saved instructors (issue 17): one row per pair; see migration 0020. */
export const savedInstructors = pgTable(
  'saved_instructors',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instructorId: uuid('instructor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    savedAt: ts('saved_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'saved_instructors_pkey', columns: [t.userId, t.instructorId] }),
    index('saved_instructors_instructor_idx').on(t.instructorId),
    check('saved_instructors_not_self_check', sql`${t.userId} <> ${t.instructorId}`),
  ],
);
