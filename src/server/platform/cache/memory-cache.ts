import { EventEmitter } from 'node:events';
import { LRUCache } from 'lru-cache';
import type { Cache } from './cache.js';

export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, { v: unknown }>;
  private readonly bus = new EventEmitter();

  constructor(maxEntries = 10_000) {
    this.lru = new LRUCache({ max: maxEntries, ttlAutopurge: false });
    this.bus.setMaxListeners(100);
  }

  async get<T>(key: string): Promise<T | undefined> {
    return this.lru.get(key)?.v as T | undefined;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    // Stored as a JSON round-trip so callers see the same copy semantics as with Redis.
    this.lru.set(key, { v: JSON.parse(JSON.stringify(value)) }, { ttl: ttlSeconds * 1000 });
  }

  async del(key: string): Promise<void> {
    this.lru.delete(key);
  }

  async delByPrefix(prefix: string): Promise<number> {
    let n = 0;
    for (const key of [...this.lru.keys()]) {
      if (key.startsWith(prefix)) {
        this.lru.delete(key);
        n++;
      }
    }
    return n;
  }

  async publish(channel: string, message: string): Promise<void> {
    this.bus.emit(channel, message);
  }

  subscribe(channel: string, handler: (message: string) => void): void {
    this.bus.on(channel, handler);
  }

  /** One process, one bus: nothing can be missed. */
  broadcastReliable(): boolean {
    return true;
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.lru.clear();
    this.bus.removeAllListeners();
  }
}
