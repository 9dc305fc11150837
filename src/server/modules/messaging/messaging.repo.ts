import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

export interface ConversationRow {
  id: string;
  studentId: string;
  instructorId: string;
  studentName: string;
  instructorName: string;
  studentEmail: string;
  instructorEmail: string;
  /** Profile photo keys (a person who teaches may have one); null = none. */
  studentPhotoKey: string | null;
  instructorPhotoKey: string | null;
  createdAt: Date;
  lastMessageAt: Date | null;
}

export interface MessageRow {
  id: string;
  seq: number;
  conversationId: string;
  senderId: string;
  clientMessageId: string;
  body: string;
  sentAt: Date;
  readAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
}

const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : date(v));

const CONVERSATION_COLUMNS = sql`
  c.id, c.student_id, c.instructor_id, c.created_at, c.last_message_at,
  s.full_name AS student_name, s.email AS student_email,
  i.full_name AS instructor_name, i.email AS instructor_email,
  sp.photo_key AS student_photo_key, ip.photo_key AS instructor_photo_key`;
const CONVERSATION_FROM = sql`
  conversations c JOIN users s ON s.id = c.student_id JOIN users i ON i.id = c.instructor_id
  LEFT JOIN instructor_profiles sp ON sp.user_id = c.student_id
  LEFT JOIN instructor_profiles ip ON ip.user_id = c.instructor_id`;

type RawConversation = Record<string, unknown>;
const toConversation = (r: RawConversation): ConversationRow => ({
  id: r.id as string,
  studentId: r.student_id as string,
  instructorId: r.instructor_id as string,
  studentName: r.student_name as string,
  instructorName: r.instructor_name as string,
  studentEmail: r.student_email as string,
  instructorEmail: r.instructor_email as string,
  studentPhotoKey: (r.student_photo_key as string | null) ?? null,
  instructorPhotoKey: (r.instructor_photo_key as string | null) ?? null,
  createdAt: date(r.created_at),
  lastMessageAt: dateOrNull(r.last_message_at),
});

const MESSAGE_COLUMNS = sql`
  m.id, m.seq, m.conversation_id, m.sender_id, m.client_message_id, m.body, m.sent_at, m.read_at,
  m.hidden_at, m.hidden_reason`;
const toMessage = (r: Record<string, unknown>): MessageRow => ({
  id: r.id as string,
  seq: Number(r.seq),
  conversationId: r.conversation_id as string,
  senderId: r.sender_id as string,
  clientMessageId: r.client_message_id as string,
  body: r.body as string,
  sentAt: date(r.sent_at),
  readAt: dateOrNull(r.read_at),
  hiddenAt: dateOrNull(r.hidden_at),
  hiddenReason: (r.hidden_reason as string | null) ?? null,
});

/** An instructor who can be written to: active, with an instructor profile. */
export async function isActiveInstructor(db: Db, userId: string): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`SELECT 1 FROM users u JOIN instructor_profiles p ON p.user_id = u.id
        WHERE u.id = ${userId} AND u.account_status = 'active'`,
  );
  return rows.length > 0;
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
  return (await rowsOf(db, sql`SELECT 1 FROM users WHERE id = ${userId}`)).length > 0;
}

/** Creates the pair's conversation and both participant rows; false when it already existed. */
export async function createConversation(tx: Db, studentId: string, instructorId: string): Promise<boolean> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`INSERT INTO conversations (student_id, instructor_id) VALUES (${studentId}, ${instructorId})
        ON CONFLICT (student_id, instructor_id) DO NOTHING RETURNING id`,
  );
  const id = rows[0]?.id;
  if (!id) return false;
  await tx.execute(sql`
    INSERT INTO conversation_participants (conversation_id, user_id)
    VALUES (${id}, ${studentId}), (${id}, ${instructorId})`);
  return true;
}

export async function findConversationByPair(db: Db, studentId: string, instructorId: string) {
  const rows = await rowsOf<RawConversation>(
    db,
    sql`SELECT ${CONVERSATION_COLUMNS} FROM ${CONVERSATION_FROM}
        WHERE c.student_id = ${studentId} AND c.instructor_id = ${instructorId}`,
  );
  return rows[0] ? toConversation(rows[0]) : undefined;
}

export async function findConversation(db: Db, id: string) {
  const rows = await rowsOf<RawConversation>(
    db,
    sql`SELECT ${CONVERSATION_COLUMNS} FROM ${CONVERSATION_FROM} WHERE c.id = ${id}`,
  );
  return rows[0] ? toConversation(rows[0]) : undefined;
}

/** The user's conversations, most recently active first, each with what they have not read. */
export async function conversationsOf(db: Db, userId: string, limit: number, offset: number) {
  const rows = await rowsOf<RawConversation & { unread: number }>(
    db,
    sql`SELECT ${CONVERSATION_COLUMNS},
          (SELECT count(*)::int FROM messages m
           WHERE m.conversation_id = c.id AND m.sender_id <> ${userId}
             AND m.read_at IS NULL AND m.hidden_at IS NULL) AS unread
        FROM ${CONVERSATION_FROM}
        WHERE c.student_id = ${userId} OR c.instructor_id = ${userId}
        ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id
        LIMIT ${limit} OFFSET ${offset}`,
  );
  return rows.map((r) => ({ ...toConversation(r), unread: Number(r.unread) }));
}

export async function countConversationsOf(db: Db, userId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM conversations WHERE student_id = ${userId} OR instructor_id = ${userId}`,
  );
  return Number(row?.n ?? 0);
}

/** Unread messages to `userId`: in one conversation, and over all of theirs. */
export async function unreadCounts(db: Db, userId: string, conversationId: string) {
  const [row] = await rowsOf<{ here: number; total: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE m.conversation_id = ${conversationId})::int AS here,
               count(*)::int AS total
        FROM conversations c JOIN messages m ON m.conversation_id = c.id
        WHERE (c.student_id = ${userId} OR c.instructor_id = ${userId})
          AND m.sender_id <> ${userId} AND m.read_at IS NULL AND m.hidden_at IS NULL`,
  );
  return { unreadCount: Number(row?.here ?? 0), unreadTotal: Number(row?.total ?? 0) };
}

export async function unreadTotalOf(db: Db, userId: string): Promise<number> {
  const [row] = await rowsOf<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total
        FROM conversations c JOIN messages m ON m.conversation_id = c.id
        WHERE (c.student_id = ${userId} OR c.instructor_id = ${userId})
          AND m.sender_id <> ${userId} AND m.read_at IS NULL AND m.hidden_at IS NULL`,
  );
  return Number(row?.total ?? 0);
}

/** Blocks between `userId` and each of `others`, as [blocker, blocked] pairs. */
export async function blocksBetween(db: Db, userId: string, others: string[]) {
  if (!others.length) return [];
  const list = sql.join(
    others.map((o) => sql`${o}::uuid`),
    sql`, `,
  );
  const rows = await rowsOf<{ blocker_id: string; blocked_id: string }>(
    db,
    sql`SELECT blocker_id, blocked_id FROM user_blocks
        WHERE (blocker_id = ${userId} AND blocked_id IN (${list}))
           OR (blocked_id = ${userId} AND blocker_id IN (${list}))`,
  );
  return rows.map((r) => ({ blockerId: r.blocker_id, blockedId: r.blocked_id }));
}

export async function isBlocked(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const rows = await rowsOf(
    db,
    sql`SELECT 1 FROM user_blocks WHERE blocker_id = ${blockerId} AND blocked_id = ${blockedId}`,
  );
  return rows.length > 0;
}

export async function addBlock(db: Db, blockerId: string, blockedId: string) {
  await db.execute(sql`
    INSERT INTO user_blocks (blocker_id, blocked_id) VALUES (${blockerId}, ${blockedId})
    ON CONFLICT DO NOTHING`);
}

export async function removeBlock(db: Db, blockerId: string, blockedId: string) {
  await db.execute(
    sql`DELETE FROM user_blocks WHERE blocker_id = ${blockerId} AND blocked_id = ${blockedId}`,
  );
}

export async function findMessage(db: Db, id: string) {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.id = ${id}`,
  );
  return rows[0] ? toMessage(rows[0]) : undefined;
}

/** A message with its conversation's two people, in one read (each live delivery renders one). */
export async function findMessageWithPair(db: Db, id: string) {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT ${MESSAGE_COLUMNS}, c.student_id, c.instructor_id
        FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = ${id}`,
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    message: toMessage(r),
    pair: { studentId: r.student_id as string, instructorId: r.instructor_id as string },
  };
}

export async function findMessageByClientId(db: Db, senderId: string, clientMessageId: string) {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT ${MESSAGE_COLUMNS} FROM messages m
        WHERE m.sender_id = ${senderId} AND m.client_message_id = ${clientMessageId}`,
  );
  return rows[0] ? toMessage(rows[0]) : undefined;
}

/**
 * Inserts the message unless the sender already sent one with this client id: the unique index
 * decides, so two concurrent retries make one row (the loser gets undefined).
 */
export async function insertMessage(
  tx: Db,
  m: { conversationId: string; senderId: string; clientMessageId: string; body: string; sentAt: Date },
) {
  const rows = await rowsOf<Record<string, unknown>>(
    tx,
    sql`INSERT INTO messages AS m (conversation_id, sender_id, client_message_id, body, sent_at)
        VALUES (${m.conversationId}, ${m.senderId}, ${m.clientMessageId}, ${m.body}, ${m.sentAt.toISOString()})
        ON CONFLICT (sender_id, client_message_id) DO NOTHING
        RETURNING ${MESSAGE_COLUMNS}`,
  );
  if (!rows[0]) return undefined;
  await tx.execute(sql`
    UPDATE conversations SET last_message_at = ${m.sentAt.toISOString()} WHERE id = ${m.conversationId}`);
  return toMessage(rows[0]);
}

/** A page of history, newest first: `limit + 1` rows are read to know whether older ones exist. */
export async function messagesBefore(
  db: Db,
  conversationId: string,
  beforeSeq: number | null,
  limit: number,
) {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT ${MESSAGE_COLUMNS} FROM messages m
        WHERE m.conversation_id = ${conversationId}
          ${beforeSeq === null ? sql`` : sql`AND m.seq < ${beforeSeq}`}
        ORDER BY m.seq DESC LIMIT ${limit + 1}`,
  );
  return rows.map(toMessage);
}

/** Marks every message to `readerId` in the conversation read; returns how many were unread. */
export async function markRead(tx: Db, conversationId: string, readerId: string, at: Date): Promise<number> {
  const rows = await rowsOf(
    tx,
    sql`UPDATE messages SET read_at = ${at.toISOString()}
        WHERE conversation_id = ${conversationId} AND sender_id <> ${readerId} AND read_at IS NULL
        RETURNING id`,
  );
  // The next unread message may be emailed again.
  await tx.execute(sql`
    UPDATE conversation_participants SET last_read_at = ${at.toISOString()}, emailed_at = NULL
    WHERE conversation_id = ${conversationId} AND user_id = ${readerId}`);
  return rows.length;
}

/**
 * Takes the conversation's one email slot for `userId` (free again once they read): true for
 * exactly one of any number of concurrent senders.
 */
export async function claimEmailSlot(tx: Db, conversationId: string, userId: string, at: Date) {
  const rows = await rowsOf(
    tx,
    sql`UPDATE conversation_participants SET emailed_at = ${at.toISOString()}
        WHERE conversation_id = ${conversationId} AND user_id = ${userId} AND emailed_at IS NULL
        RETURNING user_id`,
  );
  return rows.length > 0;
}

export async function hideMessage(db: Db, id: string, by: string, reason: string, at: Date) {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`UPDATE messages AS m SET hidden_at = ${at.toISOString()}, hidden_reason = ${reason}, hidden_by = ${by}
        WHERE m.id = ${id} RETURNING ${MESSAGE_COLUMNS}`,
  );
  return rows[0] ? toMessage(rows[0]) : undefined;
}

/**
 * First replies of an instructor since `since`: for each conversation whose student first wrote
 * then, the time to the instructor's next message. Unanswered conversations are not counted.
 */
export async function firstReplies(db: Db, instructorId: string, since: Date) {
  const [row] = await rowsOf<{ answered: number; median_seconds: number | null }>(
    db,
    sql`WITH asked AS (
          SELECT c.id, min(m.sent_at) AS at FROM conversations c
          JOIN messages m ON m.conversation_id = c.id AND m.sender_id = c.student_id
          WHERE c.instructor_id = ${instructorId} GROUP BY c.id
        ), replied AS (
          SELECT a.at AS asked_at,
                 (SELECT min(m.sent_at) FROM messages m
                  WHERE m.conversation_id = a.id AND m.sender_id = ${instructorId} AND m.sent_at >= a.at) AS at
          FROM asked a WHERE a.at >= ${since.toISOString()}
        )
        SELECT count(at)::int AS answered,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM at - asked_at))
                 FILTER (WHERE at IS NOT NULL) AS median_seconds
        FROM replied`,
  );
  return { answered: Number(row?.answered ?? 0), medianSeconds: row?.median_seconds ?? null };
}

export interface ReportRow {
  id: string;
  messageId: string;
  reason: string;
  createdAt: Date;
}

/** One report per reporter and message: a second one returns the first (created false). */
export async function addReport(db: Db, messageId: string, reporterId: string, reason: string) {
  const inserted = await rowsOf<Record<string, unknown>>(
    db,
    sql`INSERT INTO message_reports (message_id, reporter_id, reason) VALUES (${messageId}, ${reporterId}, ${reason})
        ON CONFLICT (message_id, reporter_id) DO NOTHING
        RETURNING id, message_id, reason, created_at`,
  );
  const rows = inserted.length
    ? inserted
    : await rowsOf<Record<string, unknown>>(
        db,
        sql`SELECT id, message_id, reason, created_at FROM message_reports
            WHERE message_id = ${messageId} AND reporter_id = ${reporterId}`,
      );
  const r = rows[0]!;
  const report: ReportRow = {
    id: r.id as string,
    messageId: r.message_id as string,
    reason: r.reason as string,
    createdAt: date(r.created_at),
  };
  return { report, created: inserted.length > 0 };
}

/** The moderation list, newest report first, with the reported message and who reported it. */
export async function reports(db: Db, limit: number, offset: number) {
  const rows = await rowsOf<Record<string, unknown>>(
    db,
    sql`SELECT r.id AS report_id, r.reason AS report_reason, r.created_at AS report_created_at,
               u.id AS reporter_id, u.full_name AS reporter_name, ${MESSAGE_COLUMNS}
        FROM message_reports r JOIN users u ON u.id = r.reporter_id JOIN messages m ON m.id = r.message_id
        ORDER BY r.created_at DESC, r.id LIMIT ${limit} OFFSET ${offset}`,
  );
  return rows.map((r) => ({
    id: r.report_id as string,
    reason: r.report_reason as string,
    createdAt: date(r.report_created_at),
    reporter: { id: r.reporter_id as string, name: r.reporter_name as string },
    message: toMessage(r),
  }));
}

export async function countReports(db: Db): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM message_reports`);
  return Number(row?.n ?? 0);
}
