import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RedisBreaker } from '../redis/redis-breaker.js';
import { logConnectionState, waitForReady } from '../redis/redis-client.js';
import type { Cache } from './cache.js';
import { MemoryCache } from './memory-cache.js';

/** Fallback entries live this long at most: no other instance can invalidate them. */
export const FALLBACK_TTL_SECONDS = 5;
/** Deletes Redis missed are replayed when it is back; past this many, the rest expire with their TTL. */
const MAX_PENDING_INVALIDATIONS = 1000;

interface Channel {
  handlers: ((message: string) => void)[];
  onMissed: (() => void)[];
  subscribed: boolean;
  /** Messages may have been lost since the last subscription: tell onMissed once it is back. */
  missed: boolean;
}

const globEscape = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

/**
 * Redis as a cache, behind a circuit breaker: a failed or refused call never reaches the caller.
 * Reads then miss or come from an in-process LRU, writes and deletes go to that LRU, and deletes
 * Redis did not get are replayed when it is back, so it serves no entry an outage should have
 * removed.
 */
export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  private readonly fallback = new MemoryCache();
  private readonly subscriber: Redis;
  private readonly channels = new Map<string, Channel>();
  private readonly pending = new Map<string, { key: string } | { prefix: string }>();
  private droppedInvalidations = 0;
  private replaying?: Promise<void>;

  /** keyPrefix isolates instances sharing one Redis (tests, several environments). */
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly breaker: RedisBreaker,
    private readonly log: Logger,
  ) {
    // A connection in subscriber mode can do nothing else, hence a second one. Resubscribing is
    // done here rather than by ioredis, so that a gap can be reported to onMissed.
    this.subscriber = redis.duplicate({ autoResubscribe: false });
    logConnectionState(this.subscriber, log, 'redis-subscriber');
    this.subscriber.on('message', (ch: string, msg: string) => {
      for (const h of this.channels.get(ch)?.handlers ?? []) h(msg);
    });
    this.subscriber.on('ready', () => {
      for (const [name, ch] of this.channels) if (!ch.subscribed) void this.subscribeChannel(name, ch);
    });
    this.subscriber.on('close', () => {
      for (const ch of this.channels.values()) {
        if (ch.subscribed) ch.missed = true;
        ch.subscribed = false;
      }
    });
    breaker.onRecovered(() => void this.recovered());
  }

  /** Waits (a bounded time) for both connections, so a normal start begins on Redis. */
  async connected(ms?: number): Promise<void> {
    await Promise.all([waitForReady(this.redis, ms), waitForReady(this.subscriber, ms)]);
  }

  private k(key: string) {
    return this.keyPrefix + key;
  }

  async get<T>(key: string): Promise<T | undefined> {
    // Redis may still hold what a missed delete removed: a miss until the replay is done.
    if (this.pending.size && this.awaitsDelete(key)) {
      void this.replayInvalidations();
      return this.fallback.get<T>(key);
    }
    let raw: string | null;
    try {
      raw = await this.call(() => this.redis.get(this.k(key)));
    } catch {
      return this.fallback.get<T>(key);
    }
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    const json = JSON.stringify(value);
    const ttl = Math.max(1, Math.ceil(ttlSeconds));
    try {
      await this.call(() => this.redis.set(this.k(key), json, 'EX', ttl));
    } catch {
      await this.fallback.set(key, value, Math.min(ttlSeconds, FALLBACK_TTL_SECONDS));
    }
  }

  async del(key: string): Promise<void> {
    await this.fallback.del(key);
    try {
      await this.call(() => this.redis.del(this.k(key)));
    } catch {
      this.remember(`k:${key}`, { key });
    }
  }

  async delByPrefix(prefix: string): Promise<number> {
    const local = await this.fallback.delByPrefix(prefix);
    try {
      return await this.scanDelete(prefix);
    } catch {
      this.remember(`p:${prefix}`, { prefix });
      return local;
    }
  }

  /** One breaker call per round trip, so each is bounded by the timeout, not the whole scan. */
  private async scanDelete(prefix: string): Promise<number> {
    const pattern = `${globEscape(this.k(prefix))}*`;
    let cursor = '0';
    let n = 0;
    do {
      const [next, keys] = await this.breaker.run(() =>
        this.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500),
      );
      cursor = next;
      if (keys.length) n += await this.breaker.run(() => this.redis.del(...keys));
    } while (cursor !== '0');
    return n;
  }

  private awaitsDelete(key: string): boolean {
    if (this.pending.has(`k:${key}`)) return true;
    for (const what of this.pending.values())
      if ('prefix' in what && key.startsWith(what.prefix)) return true;
    return false;
  }

  private remember(id: string, what: { key: string } | { prefix: string }) {
    if (this.pending.size < MAX_PENDING_INVALIDATIONS || this.pending.has(id)) this.pending.set(id, what);
    else this.droppedInvalidations++;
  }

  /**
   * Redis is back: memos may have missed messages (a hang loses them without closing the
   * subscriber), deletes it missed are replayed, and the outage's fallback entries go.
   */
  private async recovered(): Promise<void> {
    for (const ch of this.channels.values()) {
      if (ch.subscribed) for (const f of ch.onMissed) f();
      else ch.missed = true;
    }
    await this.fallback.delByPrefix('');
    await this.replayInvalidations();
  }

  /** Also after a blip too short to open the circuit: the next successful call triggers it. */
  private replayInvalidations(): Promise<void> {
    this.replaying ??= this.replay().finally(() => (this.replaying = undefined));
    return this.replaying;
  }

  /** Entries leave `pending` only once Redis has them, so reads keep missing until then. */
  private async replay(): Promise<void> {
    let replayed = 0;
    for (const [id, what] of [...this.pending]) {
      try {
        if ('key' in what) await this.breaker.run(() => this.redis.del(this.k(what.key)));
        else await this.scanDelete(what.prefix);
      } catch {
        // Down again: the rest waits for the next recovery.
        break;
      }
      this.pending.delete(id);
      replayed++;
    }
    if (replayed || this.droppedInvalidations)
      this.log.info(
        { replayed, left: this.pending.size, dropped: this.droppedInvalidations },
        'cache invalidations missed during the redis outage replayed',
      );
    this.droppedInvalidations = 0;
  }

  /** A call under the breaker; a success with invalidations pending replays them. */
  private async call<T>(op: () => Promise<T>): Promise<T> {
    const result = await this.breaker.run(op);
    if (this.pending.size && !this.replaying) void this.replayInvalidations();
    return result;
  }

  async publish(channel: string, message: string): Promise<void> {
    try {
      await this.breaker.run(() => this.redis.publish(this.k(channel), message));
    } catch {
      // Lost: receivers expire their memos quickly while Redis is unhealthy, and resync after.
    }
  }

  subscribe(channel: string, handler: (message: string) => void, onMissed?: () => void): void {
    const name = this.k(channel);
    let ch = this.channels.get(name);
    if (!ch) {
      // Subscribing later than now (Redis down) means messages may be missed meanwhile.
      ch = { handlers: [], onMissed: [], subscribed: false, missed: this.subscriber.status !== 'ready' };
      this.channels.set(name, ch);
      if (this.subscriber.status === 'ready') void this.subscribeChannel(name, ch);
    }
    ch.handlers.push(handler);
    if (onMissed) ch.onMissed.push(onMissed);
  }

  private async subscribeChannel(name: string, ch: Channel): Promise<void> {
    try {
      await this.subscriber.subscribe(name);
    } catch {
      // Retried on the subscriber's next 'ready'.
      ch.missed = true;
      return;
    }
    ch.subscribed = true;
    if (ch.missed) {
      ch.missed = false;
      for (const f of ch.onMissed) f();
    }
  }

  broadcastReliable(): boolean {
    if (!this.breaker.healthy() || this.subscriber.status !== 'ready') return false;
    for (const ch of this.channels.values()) if (!ch.subscribed) return false;
    return true;
  }

  ping(): Promise<boolean> {
    return this.breaker.ping();
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
    await this.fallback.close();
  }
}
