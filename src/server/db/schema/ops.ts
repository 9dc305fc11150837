import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every email the platform sends, written in the same transaction as the change that causes it
 * (a transactional outbox). With SMTP configured a relay delivers `queued` rows; without it a row
 * is `stored` for admins and tests.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** The HTML alternative, when the message has one (sent as multipart/alternative). */
    htmlBody: text('html_body'),
    template: text('template').notNull(),
    attachments: jsonb('attachments').$type<{ filename: string; contentType: string; content: string }[]>(),
    /** Extra headers sent with the message (List-Unsubscribe on optional mail). */
    headers: jsonb('headers').$type<Record<string, string>>(),
    status: text('status').notNull().default('stored'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When the relay may (re)try a queued message: backoff after a failure. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A relay's claim on the row while it sends; a crashed relay's claim simply runs out. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [
    index('email_outbox_to_idx').on(t.toAddress, t.createdAt),
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** Audit trail of destructive database commands (PRODUCT §7, database safety). */
export const maintenanceLog = pgTable('maintenance_log', {
  id: uuid('id').primaryKey().defaultRandom(),
  command: text('command').notNull(),
  tier: text('tier').notNull(),
  detail: text('detail').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Content hash of each curated data file last loaded, so an unchanged file is not reloaded. */
export const dataVersions = pgTable('data_versions', {
  name: text('name').primaryKey(),
  hash: text('hash').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
