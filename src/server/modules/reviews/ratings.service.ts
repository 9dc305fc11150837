import type { AppDeps } from '../../platform/deps.js';
import type { RatingsSnapshot } from './ratings.js';
import { aggregateRatings } from './ratings.js';
import { nextReveal, publishedRatingSums } from './reviews.repo.js';

export const RATINGS_CHANNEL = 'reviews.ratings';
/** Other instances' changes may go unheard (Redis down): the aggregate is reloaded at least this often. */
const UNRELIABLE_TTL_MS = 30_000;

/**
 * The rating aggregate in memory, so search and profiles read it without SQL: loaded once, then
 * again after a review is published or hidden (here or, through the cache channel, on another
 * instance) and when the next waiting review's 14-day window closes.
 */
export class RatingsService {
  private current?: Promise<RatingsSnapshot>;
  private builtAt = 0;
  private expiresAt = Number.POSITIVE_INFINITY;

  constructor(private readonly deps: Pick<AppDeps, 'db' | 'cache' | 'clock'>) {
    deps.cache.subscribe(
      RATINGS_CHANNEL,
      () => (this.current = undefined),
      () => (this.current = undefined),
    );
  }

  snapshot(): Promise<RatingsSnapshot> {
    const now = this.deps.clock.now().getTime();
    const unheard = !this.deps.cache.broadcastReliable() && Date.now() - this.builtAt > UNRELIABLE_TTL_MS;
    if (!this.current || now >= this.expiresAt || unheard) {
      this.builtAt = Date.now();
      const pending = this.load();
      this.current = pending;
      pending.catch(() => {
        if (this.current === pending) this.current = undefined;
      });
    }
    return this.current;
  }

  private async load(): Promise<RatingsSnapshot> {
    const now = this.deps.clock.now();
    const [rows, next] = await Promise.all([
      publishedRatingSums(this.deps.db, now),
      nextReveal(this.deps.db, now),
    ]);
    this.expiresAt = next ? next.getTime() : Number.POSITIVE_INFINITY;
    return aggregateRatings(rows);
  }

  /** A review was published, revealed or hidden. */
  async changed(): Promise<void> {
    this.current = undefined;
    await this.deps.cache.publish(RATINGS_CHANNEL, '*');
  }
}
