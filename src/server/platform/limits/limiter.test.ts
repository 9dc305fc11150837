import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { createRedisClient, waitForReady } from '../redis/redis-client.js';
import { TestRedisServer, freePort, hasRedisServer } from '../redis/test-redis-server.js';
import { Limiter } from './limiter.js';

const log = pino({ level: 'silent' });
const spec = { name: 'unit', points: 3, durationSeconds: 60 };

const rejection = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a rejection');
};

describe('Limiter', () => {
  it('in process: of N concurrent consumes on a budget of P, exactly P pass; the rest get 429 + Retry-After', async () => {
    const limiter = new Limiter(spec, undefined, 't:');
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => limiter.consume('k')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const err = await rejection(limiter.consume('k'));
    expect(err).toBeInstanceOf(AppError);
    expect(err.statusCode).toBe(429);
    expect(Number(err.headers?.['retry-after'])).toBeGreaterThan(0);
  });

  it('with Redis unreachable, counts in process (insurance limiter): the budget still holds, quickly', async () => {
    const redis = createRedisClient(`redis://127.0.0.1:${await freePort()}`, log);
    try {
      const limiter = new Limiter(spec, redis, 't:');
      const started = performance.now();
      for (let i = 0; i < 3; i++) await limiter.consume('k');
      expect((await rejection(limiter.consume('k'))).statusCode).toBe(429);
      await expect(limiter.assertNotExhausted('k')).rejects.toMatchObject({ statusCode: 429 });
      await limiter.reset('k');
      await expect(limiter.assertNotExhausted('k')).resolves.toBeUndefined();
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      redis.disconnect();
    }
  });
});

describe.skipIf(!hasRedisServer)('Limiter on its own redis-server', () => {
  let server: TestRedisServer;
  let redis: ReturnType<typeof createRedisClient>;
  beforeAll(async () => {
    server = await TestRedisServer.start();
    redis = createRedisClient(server.url, log);
    await waitForReady(redis);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.kill();
  });

  it('on Redis: concurrent consumes spend exactly the budget, shared by every limiter of the same name', async () => {
    const a = new Limiter(spec, redis, 'shared:');
    const b = new Limiter(spec, redis, 'shared:');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).consume('k')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await redis.keys('shared:rl:unit*')).toHaveLength(1);
  });

  it('while the circuit is open, counts in process without sending Redis a command', async () => {
    const limiter = new Limiter(spec, redis, 'open:', { healthy: () => false });
    for (let i = 0; i < 3; i++) await limiter.consume('k');
    expect((await rejection(limiter.consume('k'))).statusCode).toBe(429);
    expect(await redis.keys('open:*')).toEqual([]);
  });
});
