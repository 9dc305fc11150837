import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';
import { services } from './catalog.js';
import { instructorServices } from './instructors.js';

const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id),
    instructorId: uuid('instructor_id')
      .notNull()
      .references(() => users.id),
    instructorServiceId: uuid('instructor_service_id')
      .notNull()
      .references(() => instructorServices.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    // Snapshot at booking time: later edits to the offering never change a booked lesson.
    serviceName: text('service_name').notNull(),
    serviceSlug: text('service_slug').notNull(),
    hourlyRateCents: integer('hourly_rate_cents').notNull(),
    priceCents: integer('price_cents').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    bufferMinutes: integer('buffer_minutes').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    instructorTimezone: text('instructor_timezone').notNull(),
    studentTimezone: text('student_timezone').notNull(),
    locationType: text('location_type').notNull(),
    studentAddress: text('student_address'),
    note: text('note'),
    status: text('status').notNull().default('confirmed'),
    cancellationFeeCents: integer('cancellation_fee_cents'),
    cancelledBy: text('cancelled_by'),
    cancellationReason: text('cancellation_reason'),
    cancelledAt: ts('cancelled_at'),
    completedAt: ts('completed_at'),
    reminderSentAt: ts('reminder_sent_at'),
    /** iCalendar SEQUENCE: +1 on every reschedule and cancellation (emails and downloads agree). */
    calendarSequence: integer('calendar_sequence').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('bookings_student_idx').on(t.studentId, t.startsAt),
    index('bookings_instructor_idx').on(t.instructorId, t.startsAt),
    index('bookings_status_ends_idx').on(t.status, t.endsAt),
    index('bookings_created_idx').on(t.createdAt),
    check('bookings_status_check', sql`${t.status} in ('confirmed', 'completed', 'cancelled', 'no_show')`),
    check('bookings_times_check', sql`${t.startsAt} < ${t.endsAt}`),
    check('bookings_price_check', sql`${t.priceCents} >= 0`),
  ],
);

/**
 * The time a confirmed lesson blocks for each person in it: the instructor's row is widened by
 * their buffer. One exclusion constraint (custom migration) makes any overlap for one person
 * impossible, whether they teach or take the lesson. Rows go when the lesson is cancelled.
 */
export const bookingParticipants = pgTable(
  'booking_participants',
  {
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    blocked: tstzrange('blocked').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bookingId, t.userId] })],
);

export const bookingHistory = pgTable(
  'booking_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    actorId: uuid('actor_id'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('booking_history_booking_idx').on(t.bookingId)],
);

/** PROPOSAL_STATUSES: open until the student accepts or declines, or it is withdrawn, replaced, expired or voided. */
export const bookingTimeProposals = pgTable(
  'booking_time_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    startsAt: ts('starts_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    status: text('status').notNull().default('open'),
    createdAt: ts('created_at').notNull().defaultNow(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    uniqueIndex('booking_time_proposals_one_open')
      .on(t.bookingId)
      .where(sql`status = 'open'`),
    index('booking_time_proposals_booking_idx').on(t.bookingId),
    check('booking_time_proposals_duration_minutes_check', sql`${t.durationMinutes} > 0`),
    check(
      'booking_time_proposals_status_check',
      sql`${t.status} IN ('open', 'accepted', 'declined', 'withdrawn', 'replaced', 'expired', 'void')`,
    ),
  ],
);

/** A retried create returns the first answer; scoped to user + route, kept 24 h. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    route: text('route').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** The claim of the request running under this key; null once its answer is stored. */
    claim: text('claim'),
    /** An unanswered claim past this instant is abandoned (a crash) and a retry may take it. */
    leaseUntil: ts('lease_until'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.route, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);
