import type { AppDeps } from '../deps.js';
import { Limiter } from './limiter.js';

export interface PerUserLimitSpec {
  /** Names the counter (its Redis key): one per action, e.g. 'booking-create'. */
  action: string;
  perMinute: number;
}

/**
 * How often one user may take one action per minute, whatever address they come from: many
 * people share an address (a school, a café), so such limits are never per IP. A module
 * configures one for each action it guards; counted in Redis when it can, else in process.
 */
export class PerUserLimit {
  private readonly limiter: Limiter;

  constructor(spec: PerUserLimitSpec, deps: Pick<AppDeps, 'redis' | 'redisHealth' | 'keyPrefix'>) {
    this.limiter = new Limiter(
      { name: spec.action, points: spec.perMinute, durationSeconds: 60 },
      deps.redis,
      deps.keyPrefix,
      deps.redisHealth,
    );
  }

  /** Spends one of the user's points; 429 with Retry-After once the minute's budget is used. */
  consume(userId: string): Promise<void> {
    return this.limiter.consume(userId);
  }

  /** Gives back the point of an attempt that turned out not to count (e.g. a retried duplicate). */
  refund(userId: string): Promise<void> {
    return this.limiter.refund(userId);
  }
}
