import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { cloneTestDatabase } from '../../testing/test-app.js';
import type { IdempotentResult } from './idempotent-request.js';
import { LEASE_SECONDS, purgeExpiredIdempotencyKeys, runIdempotent } from './idempotent-request.js';

let database: Database;
let drop: () => Promise<void>;
let userId: string;
beforeAll(async () => {
  ({ database, drop } = await cloneTestDatabase());
  const [u] = await database.db
    .insert(users)
    .values({ email: 'keys@example.test', passwordHash: 'x', fullName: 'Key Holder' })
    .returning({ id: users.id });
  userId = u!.id;
});
afterAll(async () => {
  await database.close();
  await drop();
});

const NOW = new Date('2026-11-24T15:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

/** Runs a request on `route` under `key`, counting how often its work really ran. */
function counter() {
  let runs = 0;
  const run = (route: string, key: string | undefined, body: unknown, now = NOW) =>
    runIdempotent(database.db, { userId, route, key, body, now }, async () => {
      runs++;
      return { status: 201, body: { run: runs } };
    });
  return { run, runs: () => runs };
}

describe('runIdempotent (any route)', () => {
  it('replays the first answer for the same key and body, without running the work again', async () => {
    const c = counter();
    expect(await c.run('POST /things', 'k-1', { a: 1 })).toEqual({
      status: 201,
      body: { run: 1 },
      replayed: false,
    });
    expect(await c.run('POST /things', 'k-1', { a: 1 })).toEqual({
      status: 201,
      body: { run: 1 },
      replayed: true,
    });
    expect(c.runs()).toBe(1);
  });

  it('scopes keys to the route the caller names: the same key on another route is another request', async () => {
    const c = counter();
    await c.run('POST /things', 'shared', { a: 1 });
    const other = await c.run('POST /other-things', 'shared', { a: 1 });
    expect(other.replayed).toBe(false);
    expect(c.runs()).toBe(2);
  });

  it('refuses the same key with another body (409), and a malformed key (400)', async () => {
    const c = counter();
    await c.run('POST /things', 'k-2', { a: 1 });
    await expect(c.run('POST /things', 'k-2', { a: 2 })).rejects.toMatchObject({
      statusCode: 409,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    await expect(c.run('POST /things', 'has space', { a: 1 })).rejects.toMatchObject({
      statusCode: 400,
      code: 'INVALID_IDEMPOTENCY_KEY',
    });
  });

  it('leaves the key free when the work fails, so a retry runs it', async () => {
    const failing = runIdempotent(
      database.db,
      { userId, route: 'POST /things', key: 'k-3', body: {}, now: NOW },
      async () => {
        throw new Error('refused');
      },
    );
    await expect(failing).rejects.toThrow('refused');
    const c = counter();
    expect((await c.run('POST /things', 'k-3', {})).replayed).toBe(false);
  });

  it('a key still held is 409 in progress until its lease runs out; then a retry takes it over', async () => {
    let release!: () => void;
    const held = runIdempotent(
      database.db,
      { userId, route: 'POST /slow', key: 'k-4', body: {}, now: NOW },
      () =>
        new Promise<IdempotentResult<{ slow: boolean }>>((resolve) => {
          release = () => resolve({ status: 201, body: { slow: true } });
        }),
    );
    const c = counter();
    await expect(c.run('POST /slow', 'k-4', {}, later(1000))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_IN_PROGRESS',
    });
    expect((await c.run('POST /slow', 'k-4', {}, later(LEASE_SECONDS * 1000 + 1))).replayed).toBe(false);
    // The first request lost its claim: its answer is not stored over the new one.
    release();
    await expect(held).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
    expect(await c.run('POST /slow', 'k-4', {}, later(LEASE_SECONDS * 2000))).toMatchObject({
      body: { run: 1 },
      replayed: true,
    });
  });

  it('forgets keys after 24 hours', async () => {
    const c = counter();
    await c.run('POST /purged', 'k-5', {});
    await purgeExpiredIdempotencyKeys(database.db, later(24 * 3_600_000 + 1));
    expect((await c.run('POST /purged', 'k-5', {}, later(24 * 3_600_000 + 2))).replayed).toBe(false);
    expect(c.runs()).toBe(2);
  });
});
