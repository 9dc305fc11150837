import CircuitBreaker from 'opossum';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { REDIS_COMMAND_TIMEOUT_MS } from './redis-client.js';

/** What callers with an in-process fallback ask before (or instead of) talking to Redis. */
export interface RedisHealth {
  /** True when the connection is up and the circuit closed: Redis answers are to be trusted. */
  healthy(): boolean;
}

export interface BreakerOptions {
  /** Backstop over the connection's own command timeout. */
  timeoutMs?: number;
  /** How long the circuit stays open before one trial call (a ping) is let through. */
  resetMs?: number;
}

const breakers = new WeakMap<Redis, RedisBreaker>();

/** The breaker guarding a connection, for code that is handed only the connection. */
export const redisHealthOf = (redis: Redis): RedisHealth | undefined => breakers.get(redis);

/**
 * One circuit breaker per Redis connection. Every call goes through `run`: it fails within the
 * timeout, and once most calls fail the circuit opens and calls fail at once, without touching
 * the socket, until a background ping finds Redis answering again.
 */
export class RedisBreaker implements RedisHealth {
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private readonly recoveredListeners: (() => void)[] = [];
  /** Open → half-open → open again repeats every resetMs during an outage; log the outage once. */
  private reportedOpen = false;

  constructor(
    private readonly redis: Redis,
    private readonly log: Logger,
    opts: BreakerOptions = {},
  ) {
    this.breaker = new CircuitBreaker((op: () => Promise<unknown>) => op(), {
      name: 'redis',
      timeout: opts.timeoutMs ?? REDIS_COMMAND_TIMEOUT_MS + 100,
      resetTimeout: opts.resetMs ?? 2000,
      errorThresholdPercentage: 50,
      // A couple of failures in a quiet period are enough: a dead Redis fails every call.
      volumeThreshold: 3,
      rollingCountTimeout: 10_000,
    });
    this.breaker.on('open', () => {
      if (this.reportedOpen) return;
      this.reportedOpen = true;
      this.log.warn(
        { circuit: 'redis' },
        'redis circuit open: cache, rate limits and invalidation run on in-process fallbacks',
      );
    });
    this.breaker.on('close', () => {
      this.reportedOpen = false;
      this.log.info({ circuit: 'redis' }, 'redis circuit closed: back on Redis');
      for (const l of this.recoveredListeners) l();
    });
    // The trial call is a ping of our own, so the circuit closes even when no request needs Redis.
    this.breaker.on('halfOpen', () => void this.ping());
    breakers.set(redis, this);
  }

  healthy(): boolean {
    return this.breaker.closed && this.redis.status === 'ready';
  }

  get state(): 'closed' | 'open' | 'half-open' {
    return this.breaker.closed ? 'closed' : this.breaker.halfOpen ? 'half-open' : 'open';
  }

  /** Runs one Redis call under the breaker; rejects fast when the circuit is open. */
  run<T>(op: () => Promise<T>): Promise<T> {
    return this.breaker.fire(op) as Promise<T>;
  }

  /** True when Redis answered a PING within the timeout (never throws). */
  async ping(): Promise<boolean> {
    try {
      return (await this.run(() => this.redis.ping())) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Called each time the circuit closes after an outage. */
  onRecovered(listener: () => void): void {
    this.recoveredListeners.push(listener);
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}
