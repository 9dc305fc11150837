import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/** A healthy local Redis answers in well under a millisecond; anything slower than this is an outage. */
export const REDIS_COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1000;
/** Reconnect attempts back off to this and then continue forever, so recovery needs no restart. */
const MAX_RECONNECT_DELAY_MS = 1000;

export const reconnectDelay = (attempt: number) => Math.min(50 * 2 ** attempt, MAX_RECONNECT_DELAY_MS);

/**
 * Options for connections used on the request path: a command fails at once while disconnected
 * (no offline queue) and after REDIS_COMMAND_TIMEOUT_MS when Redis hangs, instead of ioredis'
 * defaults of queueing forever and retrying 20 times.
 */
export const failFastOptions = (): RedisOptions => ({
  enableOfflineQueue: false,
  commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
  connectTimeout: CONNECT_TIMEOUT_MS,
  maxRetriesPerRequest: 1,
  retryStrategy: reconnectDelay,
});

export function createRedisClient(url: string, log: Logger, name = 'redis'): Redis {
  const redis = new Redis(url, failFastOptions());
  logConnectionState(redis, log, name);
  return redis;
}

/**
 * Logs a lost and a restored connection once each, not every failed reconnect attempt (one a
 * second during an outage). Also keeps ioredis from printing unhandled 'error' events.
 */
export function logConnectionState(redis: Redis, log: Logger, name: string): void {
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    log.warn({ connection: name, err: err.message }, 'redis connection lost; reconnecting in the background');
  });
  // 'reconnecting', not 'close': a deliberate disconnect() at shutdown is no outage.
  redis.on('reconnecting', () => {
    if (down) return;
    down = true;
    log.warn({ connection: name }, 'redis connection lost; reconnecting in the background');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info({ connection: name }, 'redis connection restored');
  });
}

/** Resolves when the connection is ready or after `ms`, whichever is first; never rejects. */
export function waitForReady(redis: Redis, ms = CONNECT_TIMEOUT_MS): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
  });
}
