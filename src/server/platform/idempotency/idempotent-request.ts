import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { badRequest, conflict } from '../http/errors.js';
import type { KeyId } from './idempotency-keys.repo.js';
import {
  claimKey,
  deleteKeysCreatedBefore,
  findKey,
  releaseClaim,
  storeAnswer,
} from './idempotency-keys.repo.js';

const KEEP_HOURS = 24;
/**
 * How long a claim stays exclusive without an answer. Longer than any guarded request takes; short
 * enough that a client retrying after a crash gets its answer (or a clean retry) within seconds.
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

/** The request a key guards: who sent it, to which route (the caller's scope), with what body. */
export interface IdempotentRequest {
  userId: string;
  route: string;
  key: string | undefined;
  body: unknown;
  now: Date;
}

const inProgress = () =>
  conflict('IDEMPOTENCY_IN_PROGRESS', 'A request with this Idempotency-Key is being processed.');

const hoursBefore = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000);

/**
 * Idempotency-Key handling for any route: the first request claims the key atomically for a
 * short lease; a retry replays the stored answer; the same key with another body is 409; a
 * duplicate arriving while the first still holds its lease is 409 IDEMPOTENCY_IN_PROGRESS. A
 * claim whose lease ran out without an answer (the process died) is taken over by the next
 * request with the key. Keys are scoped to user + route and kept 24 hours.
 */
export async function runIdempotent<T>(
  db: Db,
  request: IdempotentRequest,
  work: (complete: CompleteKey) => Promise<IdempotentResult<T>>,
): Promise<IdempotentResult<T> & { replayed: boolean }> {
  if (request.key === undefined) return { ...(await work(async () => {})), replayed: false };
  if (!/^[\x21-\x7e]{1,200}$/.test(request.key))
    throw badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1-200 visible ASCII characters.');
  const id: KeyId = { userId: request.userId, route: request.route, key: request.key };
  const hash = requestHash(request.body);
  const claim = randomUUID();
  const ours = await claimKey(db, id, {
    requestHash: hash,
    claim,
    now: request.now,
    leaseUntil: new Date(request.now.getTime() + LEASE_SECONDS * 1000),
    expiredBefore: hoursBefore(request.now, KEEP_HOURS),
  });
  if (!ours) {
    const existing = await findKey(db, id);
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

  let completed = false;
  const complete: CompleteKey = async (tx, result) => {
    if (!(await storeAnswer(tx, id, claim, result))) throw inProgress();
    completed = true;
  };
  try {
    const result = await work(complete);
    if (!completed) await complete(db, result);
    return { ...result, replayed: false };
  } catch (err) {
    // A refused request leaves the key free, so the client can fix the problem and retry with it.
    // An answer stored by a committed transaction has no claim any more, so it is kept.
    await releaseClaim(db, id, claim);
    throw err;
  }
}

export async function purgeExpiredIdempotencyKeys(db: Db, now: Date): Promise<void> {
  await deleteKeysCreatedBefore(db, hoursBefore(now, KEEP_HOURS));
}
