import { createHash, randomUUID } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { badRequest, conflict } from '../../platform/http/errors.js';

const KEEP_HOURS = 24;
/**
 * How long a claim stays exclusive without an answer. Longer than any booking takes; short enough
 * that a client retrying after a crash gets its answer (or a clean retry) within seconds.
 */
export const LEASE_SECONDS = 10;

export const requestHash = (body: unknown) =>
  createHash('sha256').update(JSON.stringify(body)).digest('base64url');

export interface IdempotentResult<T> {
  status: number;
  body: T;
}

/**
 * Stores the answer under the key inside the caller's transaction, so the answer exists exactly
 * when what it describes committed. Throws (rolling the transaction back) when the claim was lost.
 */
export type CompleteKey = <T>(tx: Db, result: IdempotentResult<T>) => Promise<void>;

const inProgress = () =>
  conflict('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is being processed.');

/**
 * Idempotency-Key handling: the first request claims the key atomically for a short lease; a
 * retry replays the stored answer; the same key with another body is 409; a duplicate arriving
 * while the first still holds its lease is 409 IDEMPOTENCY_IN_PROGRESS. A claim whose lease ran
 * out without an answer (the process died) is taken over by the next request with the key.
 */
export async function runIdempotent<T>(
  db: Db,
  scope: { userId: string; route: string; key: string | undefined; body: unknown; now: Date },
  work: (complete: CompleteKey) => Promise<IdempotentResult<T>>,
): Promise<IdempotentResult<T> & { replayed: boolean }> {
  if (scope.key === undefined) return { ...(await work(async () => {})), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(scope.key))
    throw badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-200 visible ASCII characters.');
  const id = { userId: scope.userId, route: scope.route, key: scope.key };
  const hash = requestHash(scope.body);
  const claim = randomUUID();
  const match = and(
    eq(idempotencyKeys.userId, id.userId),
    eq(idempotencyKeys.route, id.route),
    eq(idempotencyKeys.key, id.key),
  );
  const fresh = {
    requestHash: hash,
    createdAt: scope.now,
    claim,
    leaseUntil: new Date(scope.now.getTime() + LEASE_SECONDS * 1000),
    responseStatus: null,
    responseBody: null,
  };
  // One statement: a new key, an expired one, or an abandoned claim becomes ours; anything else stays.
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ ...id, ...fresh })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.route, idempotencyKeys.key],
      set: fresh,
      setWhere: or(
        lt(idempotencyKeys.createdAt, new Date(scope.now.getTime() - KEEP_HOURS * 3_600_000)),
        and(isNull(idempotencyKeys.responseStatus), lt(idempotencyKeys.leaseUntil, scope.now)),
      ),
    })
    .returning({ claim: idempotencyKeys.claim });
  if (claimed[0]?.claim !== claim) {
    const [existing] = await db.select().from(idempotencyKeys).where(match);
    if (!existing) throw inProgress();
    if (existing.requestHash !== hash) {
      throw conflict(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was used with a different request body.',
      );
    }
    if (existing.responseStatus === null) throw inProgress();
    return { status: existing.responseStatus, body: existing.responseBody as T, replayed: true };
  }

  const ours = and(match, eq(idempotencyKeys.claim, claim));
  let completed = false;
  const complete: CompleteKey = async (tx, result) => {
    const done = await tx
      .update(idempotencyKeys)
      .set({ responseStatus: result.status, responseBody: result.body, claim: null, leaseUntil: null })
      .where(ours)
      .returning({ key: idempotencyKeys.key });
    if (!done.length) throw inProgress();
    completed = true;
  };
  try {
    const result = await work(complete);
    if (!completed) await complete(db, result);
    return { ...result, replayed: false };
  } catch (err) {
    // A refused request leaves the key free, so the client can fix the problem and retry with it.
    // An answer stored by a committed transaction has no claim any more, so it is kept.
    await db.delete(idempotencyKeys).where(ours);
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
