import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';

/** One conversation per student–instructor pair (PRODUCT §8). */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studentId: uuid('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instructorId: uuid('instructor_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastMessageAt: ts('last_message_at'),
  },
  (t) => [
    uniqueIndex('conversations_pair_key').on(t.studentId, t.instructorId),
    index('conversations_instructor_idx').on(t.instructorId),
    check('conversations_two_people_check', sql`${t.studentId} <> ${t.instructorId}`),
  ],
);

/**
 * The message log. `seq` orders history and pages it (a cursor); the original body is kept even
 * when masked for a reader or hidden by a moderator. `read_at` is the recipient's receipt (a
 * conversation has exactly one recipient per message).
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    clientMessageId: text('client_message_id').notNull(),
    body: text('body').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
    readAt: ts('read_at'),
    hiddenAt: ts('hidden_at'),
    hiddenReason: text('hidden_reason'),
    hiddenBy: uuid('hidden_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    // A retried send finds its first copy: the database, not a read-then-write, keeps it single.
    uniqueIndex('messages_sender_client_id_key').on(t.senderId, t.clientMessageId),
    uniqueIndex('messages_seq_key').on(t.seq),
    index('messages_conversation_seq_idx').on(t.conversationId, t.seq),
    index('messages_unread_idx')
      .on(t.conversationId, t.senderId)
      .where(sql`${t.readAt} is null and ${t.hiddenAt} is null`),
  ],
);

/**
 * Each participant's state in a conversation: when they last read it, and whether an email has
 * told them about unread messages since (so a burst sends one email, the next after a read).
 */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: ts('last_read_at'),
    emailedAt: ts('emailed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index('conversation_participants_user_idx').on(t.userId),
  ],
);

/** `blocker` no longer hears from `blocked`, and `blocked` cannot book `blocker`. */
export const userBlocks = pgTable(
  'user_blocks',
  {
    blockerId: uuid('blocker_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    blockedId: uuid('blocked_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index('user_blocks_blocked_idx').on(t.blockedId),
  ],
);

/** A participant's report of a message, for the admin moderation list; one per reporter. */
export const messageReports = pgTable(
  'message_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('message_reports_once_key').on(t.messageId, t.reporterId),
    index('message_reports_created_idx').on(t.createdAt),
  ],
);
