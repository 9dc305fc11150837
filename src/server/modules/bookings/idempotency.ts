import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { badRequest, conflict } from '../../platform/http/errors.js';

const KEEP_HOURS = 24;

export const requestHash = (body: unknown) =>
  createHash('sha256').update(JSON.stringify(body)).digest('base64url');

/**
 * Idempotency-Key handling: the first request claims the key atomically (INSERT ... ON CONFLICT),
 * a retry replays the stored answer, the same key with another body is 409, and a duplicate
 * arriving while the first is still running is 409 IDEMPOTENCY_IN_PROGRESS.
 */
export async function runIdempotent<T>(
  db: Db,
  scope: { userId: string; route: string; key: string | undefined; body: unknown; now: Date },
  work: () => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  if (scope.key === undefined) return { ...(await work()), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(scope.key))
    throw badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-200 visible ASCII characters.');
  const id = { userId: scope.userId, route: scope.route, key: scope.key };
  const hash = requestHash(scope.body);
  const match = and(
    eq(idempotencyKeys.userId, id.userId),
    eq(idempotencyKeys.route, id.route),
    eq(idempotencyKeys.key, id.key),
  );
  // An expired key is as good as new.
  await db
    .delete(idempotencyKeys)
    .where(and(match, lt(idempotencyKeys.createdAt, new Date(scope.now.getTime() - KEEP_HOURS * 3_600_000))));
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ ...id, requestHash: hash, createdAt: scope.now })
    .onConflictDoNothing()
    .returning();
  if (!claimed.length) {
    const [existing] = await db.select().from(idempotencyKeys).where(match);
    if (!existing)
      throw conflict('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is being processed.');
    if (existing.requestHash !== hash) {
      throw conflict(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used with a different request body.',
      );
    }
    if (existing.responseStatus === null) {
      throw conflict('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is being processed.');
    }
    return { status: existing.responseStatus, body: existing.responseBody as T, replayed: true };
  }
  try {
    const result = await work();
    await db
      .update(idempotencyKeys)
      .set({ responseStatus: result.status, responseBody: result.body })
      .where(match);
    return { ...result, replayed: false };
  } catch (err) {
    // A refused request leaves the key free, so the client can fix the problem and retry with it.
    await db.delete(idempotencyKeys).where(match);
    throw err;
  }
}

export async function purgeExpiredIdempotencyKeys(db: Db, now: Date): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      lt(
        idempotencyKeys.createdAt,
        sql`${new Date(now.getTime() - KEEP_HOURS * 3_600_000).toISOString()}::timestamptz`,
      ),
    );
}
