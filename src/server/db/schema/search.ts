import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';

/**
 * What a person sees as "recent searches": one row per distinct query (lower-cased, trimmed) per
 * user or per guest session, counting repeats. Soft-deleted; searching again brings it back.
 */
export const searchHistory = pgTable(
  'search_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    guestSessionId: text('guest_session_id'),
    query: text('query').notNull(),
    normalizedQuery: text('normalized_query').notNull(),
    searchType: text('search_type').notNull(),
    searchCount: integer('search_count').notNull().default(1),
    resultCount: integer('result_count'),
    firstSearchedAt: ts('first_searched_at').notNull().defaultNow(),
    lastSearchedAt: ts('last_searched_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
    convertedAt: ts('converted_at'),
  },
  (t) => [
    uniqueIndex('search_history_user_query_key')
      .on(t.userId, t.normalizedQuery)
      .where(sql`${t.userId} IS NOT NULL`),
    uniqueIndex('search_history_guest_query_key')
      .on(t.guestSessionId, t.normalizedQuery)
      .where(sql`${t.guestSessionId} IS NOT NULL`),
    index('search_history_user_recent_idx').on(t.userId, t.lastSearchedAt),
    index('search_history_guest_recent_idx').on(t.guestSessionId, t.lastSearchedAt),
    index('search_history_converted_idx')
      .on(t.convertedAt)
      .where(sql`${t.convertedAt} IS NOT NULL`),
    index('search_history_deleted_idx')
      .on(t.deletedAt)
      .where(sql`${t.deletedAt} IS NOT NULL`),
    check('search_history_owner_check', sql`(${t.userId} IS NULL) <> (${t.guestSessionId} IS NULL)`),
  ],
);

/** Append-only analytics record of every search, enriched; raw IPs are never stored. */
export const searchEvents = pgTable(
  'search_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    guestSessionId: text('guest_session_id'),
    query: text('query').notNull(),
    normalizedQuery: text('normalized_query').notNull(),
    searchType: text('search_type').notNull(),
    interpretation: text('interpretation'),
    parsed: jsonb('parsed').$type<Record<string, unknown>>(),
    resultCount: integer('result_count').notNull(),
    /** How many shown results had a bookable time; 0 with results is still unmet demand. */
    bookableCount: integer('bookable_count'),
    /** The offerings the first page showed, for search → booking attribution. */
    shownOfferingIds: uuid('shown_offering_ids').array(),
    latencyMs: integer('latency_ms'),
    deviceType: text('device_type'),
    browser: text('browser'),
    os: text('os'),
    referrer: text('referrer'),
    sessionId: text('session_id'),
    ipHash: text('ip_hash'),
    isReturningUser: boolean('is_returning_user').notNull().default(false),
    clientContext: jsonb('client_context').$type<Record<string, unknown>>(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('search_events_created_idx').on(t.createdAt),
    index('search_events_user_idx').on(t.userId),
    index('search_events_user_created_idx')
      .on(t.userId, t.createdAt)
      .where(sql`${t.userId} IS NOT NULL`),
    index('search_events_guest_created_idx')
      .on(t.guestSessionId, t.createdAt)
      .where(sql`${t.guestSessionId} IS NOT NULL`),
    index('search_events_unmet_created_idx')
      .on(t.createdAt)
      .where(sql`${t.resultCount} = 0 OR ${t.bookableCount} = 0`),
  ],
);

export const searchInteractions = pgTable(
  'search_interactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    searchEventId: uuid('search_event_id')
      .notNull()
      .references(() => searchEvents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    instructorServiceId: uuid('instructor_service_id'),
    instructorId: uuid('instructor_id'),
    position: integer('position'),
    timeToInteractionMs: integer('time_to_interaction_ms'),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    guestSessionId: text('guest_session_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('search_interactions_event_idx').on(t.searchEventId),
    index('search_interactions_created_idx').on(t.createdAt),
    check('search_interactions_kind_check', sql`${t.kind} in ('view', 'click', 'book')`),
  ],
);
