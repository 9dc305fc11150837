import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { bookings } from './bookings.js';
import { services } from './catalog.js';
import { instructorServices } from './instructors.js';
import { ts } from './columns.js';

/**
 * A student's review of one completed lesson (one per booking). The reviewer is a nullable
 * reference so the review survives the account's deletion, shown anonymised. `visible_at` is when
 * the double-blind lifts: both sides wrote, or the 14-day window closed.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .unique()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
    instructorId: uuid('instructor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instructorServiceId: uuid('instructor_service_id')
      .notNull()
      .references(() => instructorServices.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    rating: integer('rating').notNull(),
    text: text('text'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    visibleAt: ts('visible_at').notNull(),
    replyText: text('reply_text'),
    repliedAt: ts('replied_at'),
    hiddenAt: ts('hidden_at'),
    hiddenReason: text('hidden_reason'),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('reviews_instructor_idx').on(t.instructorId, t.createdAt),
    check('reviews_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

/** The instructor's private feedback on the student of one completed lesson (never public). */
export const studentFeedback = pgTable(
  'student_feedback',
  {
    bookingId: uuid('booking_id')
      .primaryKey()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    instructorId: uuid('instructor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: integer('rating').notNull(),
    text: text('text'),
    createdAt: ts('created_at').notNull().defaultNow(),
    visibleAt: ts('visible_at').notNull(),
  },
  (t) => [check('student_feedback_rating_check', sql`${t.rating} between 1 and 5`)],
);
