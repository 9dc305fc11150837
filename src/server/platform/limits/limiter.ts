import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyRequests } from '../http/errors.js';
import type { RedisHealth } from '../redis/redis-breaker.js';
import { redisHealthOf } from '../redis/redis-breaker.js';

export interface LimiterSpec {
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * A counter per key over a fixed window, shared through Redis when configured. Used for the
 * strict limits (login failures, signup, password reset, booking creation) that stay on
 * whatever the general request limit is, and for the general limit itself.
 *
 * Redis is never required: while it is down, refused (not ready) or failing, the same spec is
 * counted in process (rate-limiter-flexible's insurance limiter), and while its circuit is open
 * the in-process counter is used without trying Redis at all. Per instance, then, but on.
 */
export class Limiter {
  private readonly memory: RateLimiterMemory;
  private readonly redis?: RateLimiterRedis;
  private readonly health?: RedisHealth;

  /** `health` defaults to the breaker registered for `redis` (see redis-breaker.ts). */
  constructor(
    readonly spec: LimiterSpec,
    redis: Redis | undefined,
    keyPrefix: string,
    health?: RedisHealth,
  ) {
    const opts = {
      keyPrefix: `${keyPrefix}rl:${spec.name}`,
      points: spec.points,
      duration: spec.durationSeconds,
    };
    this.memory = new RateLimiterMemory(opts);
    if (redis) {
      this.redis = new RateLimiterRedis({
        ...opts,
        storeClient: redis,
        insuranceLimiter: this.memory,
        rejectIfRedisNotReady: true,
      });
      this.health = health ?? redisHealthOf(redis);
    }
  }

  /** The in-process counter is the insurance limiter too, so both paths count the same points. */
  private get impl(): RateLimiterAbstract {
    return this.redis && (this.health?.healthy() ?? true) ? this.redis : this.memory;
  }

  /** Throws 429 with Retry-After when the key has used up its budget, without spending a point. */
  async assertNotExhausted(key: string): Promise<void> {
    const res = await this.impl.get(key);
    if (res && res.consumedPoints >= this.spec.points) throw tooManyRequests(secs(res));
  }

  /**
   * Spends one point atomically (one INCR in Redis, synchronous in process) and throws 429 with
   * Retry-After when the budget was already used: of N concurrent calls on a budget of P, exactly
   * P pass. This is the check-and-spend for login attempts as well.
   */
  async consume(key: string): Promise<void> {
    const res = await this.tryConsume(key);
    if (!res.allowed) throw tooManyRequests(res.retryAfterSeconds);
  }

  /** `consume` without the throw, for hot paths that answer the 429 themselves. */
  async tryConsume(key: string): Promise<{ allowed: boolean; remaining: number; retryAfterSeconds: number }> {
    try {
      const res = await this.impl.consume(key);
      return { allowed: true, remaining: res.remainingPoints, retryAfterSeconds: secs(res) };
    } catch (err) {
      if (err instanceof RateLimiterRes)
        return { allowed: false, remaining: 0, retryAfterSeconds: secs(err) };
      throw err;
    }
  }

  /** Gives back a point spent by `tryConsume` for an attempt that turned out not to count. */
  async refund(key: string): Promise<void> {
    await this.impl.reward(key, 1);
  }

  /** Spends one point and says whether the key is now out of budget (no throw). */
  async record(key: string): Promise<{ exhausted: boolean; retryAfterSeconds: number }> {
    try {
      const res = await this.impl.penalty(key, 1);
      return { exhausted: res.consumedPoints >= this.spec.points, retryAfterSeconds: secs(res) };
    } catch (err) {
      if (err instanceof RateLimiterRes) return { exhausted: true, retryAfterSeconds: secs(err) };
      throw err;
    }
  }

  /** Clears the in-process count as well, so an earlier outage's points cannot come back. */
  async reset(key: string): Promise<void> {
    await this.memory.delete(key);
    if (this.impl !== this.memory) await this.impl.delete(key);
  }
}

const secs = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
