import { bigint, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';

/**
 * Each user's event log, what GET /events streams and replays after `Last-Event-ID`. Ids count
 * per user (1, 2, 3...) and are taken from `user_event_counters` under its row lock, so a user's
 * events commit in id order: a reader who has seen id n can never later miss an id below n.
 */
export const userEvents = pgTable(
  'user_events',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    /** Ids and small facts only; a message event is rendered from the message table when sent. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] }), index('user_events_created_idx').on(t.createdAt)],
);

export const userEventCounters = pgTable('user_event_counters', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  lastId: bigint('last_id', { mode: 'number' }).notNull().default(0),
});

/**
 * The event streams open now, on any instance: a row per stream, touched at each heartbeat, so
 * "has no open stream" (email fallback) is true across instances; a crashed instance's rows
 * simply go stale.
 */
export const eventStreams = pgTable(
  'event_streams',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').notNull(),
    openedAt: ts('opened_at').notNull().defaultNow(),
    seenAt: ts('seen_at').notNull().defaultNow(),
  },
  (t) => [index('event_streams_user_idx').on(t.userId, t.seenAt)],
);
