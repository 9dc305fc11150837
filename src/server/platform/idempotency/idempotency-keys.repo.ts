import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';

/** One key: a user's key for one route (the scope the caller names). */
export interface KeyId {
  userId: string;
  route: string;
  key: string;
}

const matching = (id: KeyId) =>
  and(
    eq(idempotencyKeys.userId, id.userId),
    eq(idempotencyKeys.route, id.route),
    eq(idempotencyKeys.key, id.key),
  );

const heldBy = (id: KeyId, claim: string) => and(matching(id), eq(idempotencyKeys.claim, claim));

/**
 * One statement: a new key, one created before `expiredBefore`, or an abandoned claim (no answer,
 * lease over) becomes ours; anything else stays. True when the claim is ours.
 */
export async function claimKey(
  db: Db,
  id: KeyId,
  c: { requestHash: string; claim: string; now: Date; leaseUntil: Date; expiredBefore: Date },
): Promise<boolean> {
  const fresh = {
    requestHash: c.requestHash,
    createdAt: c.now,
    claim: c.claim,
    leaseUntil: c.leaseUntil,
    responseStatus: null,
    responseBody: null,
  };
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ ...id, ...fresh })
    .onConflictDoUpdate({
      target: [idempotencyKeys.userId, idempotencyKeys.route, idempotencyKeys.key],
      set: fresh,
      setWhere: or(
        lt(idempotencyKeys.createdAt, c.expiredBefore),
        and(isNull(idempotencyKeys.responseStatus), lt(idempotencyKeys.leaseUntil, c.now)),
      ),
    })
    .returning({ claim: idempotencyKeys.claim });
  return claimed[0]?.claim === c.claim;
}

export async function findKey(db: Db, id: KeyId) {
  const [row] = await db.select().from(idempotencyKeys).where(matching(id));
  return row;
}

/** Stores the answer and ends the claim; false when the claim was no longer ours. */
export async function storeAnswer(
  db: Db,
  id: KeyId,
  claim: string,
  answer: { status: number; body: unknown },
): Promise<boolean> {
  const done = await db
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseBody: answer.body, claim: null, leaseUntil: null })
    .where(heldBy(id, claim))
    .returning({ key: idempotencyKeys.key });
  return done.length > 0;
}

/** Frees a key still held by `claim`; a key whose answer was stored holds no claim and is kept. */
export async function releaseClaim(db: Db, id: KeyId, claim: string): Promise<void> {
  await db.delete(idempotencyKeys).where(heldBy(id, claim));
}

export async function deleteKeysCreatedBefore(db: Db, cutoff: Date): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`${cutoff.toISOString()}::timestamptz`));
}
