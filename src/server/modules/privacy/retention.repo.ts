import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

// The retention purges, each with its cut-off instant. Each answers how many rows it touched.

const countOf = async (db: Db, q: ReturnType<typeof sql>) =>
  (
    await rowsOf<{ n: number }>(db, sql`WITH gone AS (${q} RETURNING 1) SELECT count(*)::int AS n FROM gone`)
  )[0]!.n;

const EVENT_BATCH = 5_000;

/** Search events (and, by cascade, their interactions) older than `before`, in batches. */
export async function purgeSearchEventsBefore(db: Db, before: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await countOf(
      db,
      sql`DELETE FROM search_events WHERE id IN (
            SELECT id FROM search_events WHERE created_at < ${before.toISOString()}::timestamptz LIMIT ${EVENT_BATCH})`,
    );
    total += n;
    if (n < EVENT_BATCH) return total;
  }
}

/** Recent searches their owner deleted before `before`. */
export const purgeDeletedHistoryBefore = (db: Db, before: Date) =>
  countOf(db, sql`DELETE FROM search_history WHERE deleted_at < ${before.toISOString()}::timestamptz`);

/** A guest's recent searches, never carried into an account, last searched before `before`. */
export const purgeGuestHistoryBefore = (db: Db, before: Date) =>
  countOf(
    db,
    sql`DELETE FROM search_history
        WHERE user_id IS NULL AND converted_at IS NULL AND last_searched_at < ${before.toISOString()}::timestamptz`,
  );

// A guest session that became an account: its events stay linked (the guest → user conversion report).
const converted = sql`SELECT 1 FROM search_history h WHERE h.guest_session_id = t.guest_session_id AND h.converted_at IS NOT NULL`;

/**
 * Unconverted guests' events and interactions older than `before` lose what ties them to the guest
 * (session ids, IP hash); the anonymous counts stay for the analytics reports.
 */
export async function unlinkGuestActivityBefore(db: Db, before: Date) {
  const at = before.toISOString();
  const events = await countOf(
    db,
    sql`UPDATE search_events t SET guest_session_id = NULL, session_id = NULL, ip_hash = NULL
        WHERE t.user_id IS NULL AND t.guest_session_id IS NOT NULL AND t.created_at < ${at}::timestamptz
          AND NOT EXISTS (${converted})`,
  );
  const interactions = await countOf(
    db,
    sql`UPDATE search_interactions t SET guest_session_id = NULL
        WHERE t.user_id IS NULL AND t.guest_session_id IS NOT NULL AND t.created_at < ${at}::timestamptz
          AND NOT EXISTS (${converted})`,
  );
  return { events, interactions };
}

// Revoked ones are kept until they would have expired, so a revoked token still reads as revoked.
export const purgeExpiredSessions = (db: Db, now: Date) =>
  countOf(db, sql`DELETE FROM sessions WHERE expires_at < ${now.toISOString()}::timestamptz`);

export const purgeExpiredResetTokens = (db: Db, now: Date) =>
  countOf(db, sql`DELETE FROM password_reset_tokens WHERE expires_at < ${now.toISOString()}::timestamptz`);

export const purgeExpiredVerificationTokens = (db: Db, now: Date) =>
  countOf(
    db,
    sql`DELETE FROM email_verification_tokens WHERE expires_at < ${now.toISOString()}::timestamptz`,
  );

export async function logRetentionRun(db: Db, tier: string, detail: Record<string, unknown>) {
  await db.execute(
    sql`INSERT INTO maintenance_log (command, tier, detail) VALUES ('privacy.retention', ${tier}, ${JSON.stringify(detail)})`,
  );
}
