import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { tooManyRequests } from '../http/errors.js';

export interface LimiterSpec {
  name: string;
  points: number;
  durationSeconds: number;
}

/**
 * A counter per key over a fixed window, shared through Redis when configured. Used for the
 * strict limits (login failures, signup, password reset, booking creation) that stay on
 * whatever the general request limit is.
 */
export class Limiter {
  private readonly impl: RateLimiterAbstract;

  constructor(
    readonly spec: LimiterSpec,
    redis: Redis | undefined,
    keyPrefix: string,
  ) {
    const opts = {
      keyPrefix: `${keyPrefix}rl:${spec.name}`,
      points: spec.points,
      duration: spec.durationSeconds,
    };
    this.impl = redis ? new RateLimiterRedis({ ...opts, storeClient: redis }) : new RateLimiterMemory(opts);
  }

  /** Throws 429 with Retry-After when the key has used up its budget, without spending a point. */
  async assertNotExhausted(key: string): Promise<void> {
    const res = await this.impl.get(key);
    if (res && res.consumedPoints >= this.spec.points) throw this.tooMany(res);
  }

  /** Spends one point; throws 429 when that was one too many. */
  async consume(key: string): Promise<void> {
    try {
      await this.impl.consume(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw this.tooMany(err);
      throw err;
    }
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

  async reset(key: string): Promise<void> {
    await this.impl.delete(key);
  }

  private tooMany(res: RateLimiterRes) {
    return tooManyRequests(secs(res));
  }
}

const secs = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
