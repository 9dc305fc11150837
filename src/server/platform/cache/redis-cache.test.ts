import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { RedisBreaker } from '../redis/redis-breaker.js';
import { createRedisClient, waitForReady } from '../redis/redis-client.js';
import { TestRedisServer, freePort, hasRedisServer } from '../redis/test-redis-server.js';
import { RedisCache } from './redis-cache.js';

/** A logger whose lines the test can read. */
function capturedLog() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

function cacheOn(url: string, opts: { resetMs?: number } = {}) {
  const { log, lines } = capturedLog();
  const redis = createRedisClient(url, log);
  const breaker = new RedisBreaker(redis, log, { resetMs: opts.resetMs ?? 200 });
  const cache = new RedisCache(redis, 'unit:', breaker, log);
  cleanup.push(async () => {
    await cache.close();
    breaker.shutdown();
    redis.disconnect();
  });
  return { redis, breaker, cache, lines };
}

const timed = async <T>(p: Promise<T>) => {
  const started = performance.now();
  const value = await p;
  return { value, ms: performance.now() - started };
};

const waitFor = async (cond: () => boolean | Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('RedisCache with Redis unreachable', () => {
  it('misses, then serves what was set from the in-process fallback, without throwing or waiting', async () => {
    const { cache } = cacheOn(`redis://127.0.0.1:${await freePort()}`);
    expect((await timed(cache.get('a'))).value).toBeUndefined();
    await cache.set('a', { n: 1 }, 60);
    const read = await timed(cache.get<{ n: number }>('a'));
    expect(read.value).toEqual({ n: 1 });
    expect(read.ms).toBeLessThan(100);
  });

  it('del and delByPrefix never throw and clear the fallback', async () => {
    const { cache } = cacheOn(`redis://127.0.0.1:${await freePort()}`);
    await cache.set('avail:1:x', 1, 60);
    await cache.set('avail:1:y', 2, 60);
    await cache.set('other', 3, 60);
    expect(await cache.delByPrefix('avail:1:')).toBe(2);
    await cache.del('other');
    expect(await cache.get('avail:1:x')).toBeUndefined();
    expect(await cache.get('other')).toBeUndefined();
  });

  it('publish never throws, and broadcasts are reported unreliable', async () => {
    const { cache } = cacheOn(`redis://127.0.0.1:${await freePort()}`);
    cache.subscribe('ch', () => {});
    await expect(cache.publish('ch', 'x')).resolves.toBeUndefined();
    expect(cache.broadcastReliable()).toBe(false);
    expect(await cache.ping()).toBe(false);
  });

  it('opens the circuit after a few failures and logs the outage once, not per failed call', async () => {
    const { cache, breaker, lines } = cacheOn(`redis://127.0.0.1:${await freePort()}`, { resetMs: 50 });
    for (let i = 0; i < 20; i++) await cache.get(`k${i}`);
    expect(breaker.state).not.toBe('closed');
    expect(breaker.healthy()).toBe(false);
    // Several open → half-open → open cycles pass; still one line.
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 20; i++) await cache.get(`k${i}`);
    expect(lines.filter((l) => l.msg.startsWith('redis circuit open'))).toHaveLength(1);
    // One line per connection (commands and subscriber), not one per reconnect attempt.
    const lost = lines.filter((l) => l.msg.startsWith('redis connection lost'));
    expect(lost.map((l) => (l as unknown as { connection: string }).connection).sort()).toEqual([
      'redis',
      'redis-subscriber',
    ]);
  });
});

describe.skipIf(!hasRedisServer)('RedisCache on its own redis-server', () => {
  let server: TestRedisServer;
  const startServer = async () => {
    server = await TestRedisServer.start();
    cleanup.push(() => server.kill());
    return server;
  };

  it('a hung Redis costs each call at most the timeout; deletes it missed are replayed when it answers', async () => {
    const s = await startServer();
    const { cache, breaker, redis, lines } = cacheOn(s.url);
    await cache.connected();
    await cache.set('access:u1', { roles: ['admin'] }, 60);
    expect(await cache.get('access:u1')).toEqual({ roles: ['admin'] });

    // CLIENT PAUSE: the server stops answering other clients, as a hung or partitioned Redis does.
    const admin = createRedisClient(s.url, pino({ level: 'silent' }), 'admin');
    cleanup.push(() => void admin.disconnect());
    await waitForReady(admin);
    await admin.call('CLIENT', 'PAUSE', '1500', 'ALL');

    // Each call gives up after the timeout; enough of them open the circuit.
    const gets = await Promise.all([1, 2, 3, 4, 5, 6].map(() => timed(cache.get('access:u1'))));
    for (const g of gets) expect(g.ms).toBeLessThan(1000);
    expect(breaker.state).not.toBe('closed');
    // Refused at once by the open circuit: this delete never reached Redis.
    const del = await timed(cache.del('access:u1'));
    expect(del.ms).toBeLessThan(50);
    expect(await cache.get('access:u1')).toBeUndefined();

    // Once Redis answers, the circuit closes by itself and the delete is replayed there.
    await waitFor(() => breaker.healthy());
    await waitFor(async () => (await redis.exists('unit:access:u1')) === 0);
    expect(await cache.get('access:u1')).toBeUndefined();
    expect(lines.some((l) => l.msg.startsWith('redis circuit closed'))).toBe(true);
  });

  it('the subscriber resubscribes after a restart, reports the gap to onMissed, and messages flow again', async () => {
    const s = await startServer();
    const { cache } = cacheOn(s.url);
    await cache.connected();
    const got: string[] = [];
    let missed = 0;
    cache.subscribe(
      'inval',
      (m) => got.push(m),
      () => missed++,
    );
    await waitFor(() => cache.broadcastReliable());
    await cache.publish('inval', 'one');
    await waitFor(() => got.length === 1);
    expect(missed).toBe(0);

    await s.kill();
    await waitFor(() => !cache.broadcastReliable());
    await s.restart();
    await waitFor(() => cache.broadcastReliable());
    expect(missed).toBeGreaterThanOrEqual(1);
    await cache.publish('inval', 'two');
    await waitFor(() => got.length === 2);
    expect(got).toEqual(['one', 'two']);
  });
});
