import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { emailOutbox } from '../../db/schema/index.js';

export const PREVIEW_CHARS = 300;

/** Messages per status and when the oldest unsent (queued) one was written. */
export async function outboxSummary(db: Db) {
  const rows = await rowsOf<{ status: string; n: number; oldest: string | null }>(
    db,
    sql`SELECT status, count(*)::int AS n,
               min(created_at) FILTER (WHERE status = 'queued')::text AS oldest
          FROM email_outbox GROUP BY status`,
  );
  const counts: Record<string, number> = { stored: 0, queued: 0, sent: 0, failed: 0 };
  let oldest: Date | null = null;
  for (const r of rows) {
    counts[r.status] = r.n;
    if (r.oldest) oldest = new Date(r.oldest);
  }
  return { counts, oldestUnsentAt: oldest };
}

export async function recentMessages(db: Db, status: string | undefined, limit: number) {
  return db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      error: emailOutbox.error,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
      preview: sql<string>`left(${emailOutbox.textBody}, ${PREVIEW_CHARS})`,
    })
    .from(emailOutbox)
    .where(status ? eq(emailOutbox.status, status) : undefined)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

export async function messageStatus(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ status: emailOutbox.status })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  return row?.status;
}

/** Puts a failed message back in the queue with a fresh set of attempts; false if it was not failed. */
export async function requeueFailed(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'queued', attempts: 0, error: null, nextAttemptAt: now, lockedUntil: null })
    .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'failed')))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}
