import type { Redis } from 'ioredis';
import type { Cache } from './cache.js';

export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  private subscriber?: Redis;
  private readonly handlers = new Map<string, ((message: string) => void)[]>();

  /** keyPrefix isolates instances sharing one Redis (tests, several environments). */
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  private k(key: string) {
    return this.keyPrefix + key;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(this.k(key));
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.k(key), JSON.stringify(value), 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  async del(key: string): Promise<void> {
    await this.redis.del(this.k(key));
  }

  async delByPrefix(prefix: string): Promise<number> {
    let cursor = '0';
    let n = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.k(prefix)}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) n += await this.redis.del(...keys);
    } while (cursor !== '0');
    return n;
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.redis.publish(this.k(channel), message);
  }

  subscribe(channel: string, handler: (message: string) => void): void {
    if (!this.subscriber) {
      // A connection in subscriber mode can do nothing else, hence a second one.
      this.subscriber = this.redis.duplicate();
      this.subscriber.on('message', (ch: string, msg: string) => {
        for (const h of this.handlers.get(ch) ?? []) h(msg);
      });
    }
    const full = this.k(channel);
    const list = this.handlers.get(full) ?? [];
    if (!list.length) void this.subscriber.subscribe(full);
    list.push(handler);
    this.handlers.set(full, list);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
  }
}
