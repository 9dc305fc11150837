import type { Metrics } from '../metrics/metrics.js';

/** Shared cache: Redis when configured, else an in-process LRU. Values are JSON-serialisable. */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Removes every key starting with prefix; returns how many went. */
  delByPrefix(prefix: string): Promise<number>;
  /** Cross-instance notifications (invalidating in-process memos). Local-only without Redis. */
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): void;
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
