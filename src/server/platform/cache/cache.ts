import type { Metrics } from '../metrics/metrics.js';

/**
 * Shared cache: Redis when configured, else an in-process LRU. Values are JSON-serialisable.
 * Never throws for Redis' sake: with Redis down, reads miss or come from an in-process LRU.
 */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Removes every key starting with prefix; returns how many went. */
  delByPrefix(prefix: string): Promise<number>;
  /**
   * Cross-instance notifications (invalidating in-process memos). Local-only without Redis.
   * Best effort: neither throws, and messages sent while Redis is down are lost, hence
   * `broadcastReliable` and `onMissed`.
   */
  publish(channel: string, message: string): Promise<void>;
  /** `onMissed` runs when the subscription comes back after a gap in which messages may have been lost. */
  subscribe(channel: string, handler: (message: string) => void, onMissed?: () => void): void;
  /**
   * False while other instances' messages may not arrive (Redis down): in-process memos kept
   * until the next message should then expire within seconds instead.
   */
  broadcastReliable(): boolean;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** get-or-compute with hit/miss metrics; the compute runs on a miss only. */
export async function cached<T>(
  cache: Cache,
  metrics: Metrics,
  name: string,
  key: string,
  ttlSeconds: number,
  compute: () => Promise<T>,
): Promise<T> {
  const hit = await cache.get<T>(key);
  metrics.cacheResult(name, hit !== undefined);
  if (hit !== undefined) return hit;
  const value = await compute();
  await cache.set(key, value, ttlSeconds);
  return value;
}
