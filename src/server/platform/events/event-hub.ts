import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Database, Db } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { NewEvent, StoredEvent } from './events.repo.js';
import * as repo from './events.repo.js';
import { sseEvent, sseHeartbeat } from './sse-format.js';

/** Turns a stored event into what `userId` receives now; null skips it (e.g. the object is gone). */
export type EventRenderer = (userId: string, data: Record<string, unknown>) => Promise<unknown | null>;

interface Stream {
  id: string;
  userId: string;
  sessionId: string;
  res: ServerResponse;
  lastId: number;
  pumping: boolean;
  again: boolean;
  closed: boolean;
}

const REPLAY_BATCH = 200;

/**
 * The open event streams of this instance. The table is the log: a wake-up (NOTIFY, in process
 * on the embedded database) only says "user u has event n"; each stream then reads what follows
 * its own last id, one read at a time, so nothing is sent twice or skipped. The heartbeat tick
 * also re-reads, re-checks sessions and marks the streams as open, so a lost wake-up only delays.
 */
export class EventHub {
  private readonly streams = new Map<string, Stream>();
  // A wake-up names a user (or a session): it touches only their streams, however many are open.
  private readonly byUser = new Map<string, Set<Stream>>();
  private readonly bySession = new Map<string, Set<Stream>>();
  // A person's tabs wake together at the same id: they share one read and one rendering per event.
  private readonly reads = new Map<string, Promise<StoredEvent[]>>();
  private readonly renders = new Map<string, Promise<unknown>>();
  private readonly renderers = new Map<string, EventRenderer>();
  private timer?: NodeJS.Timeout;
  private unlisten?: () => Promise<void>;
  private stopped = false;

  constructor(
    private readonly deps: { database: Database; db: Db; log: Logger; clock: Clock },
    private readonly heartbeatMs: number,
  ) {}

  /** How long a stream row stays "open" without a heartbeat (a crashed instance's rows expire). */
  get staleAfterMs(): number {
    return this.heartbeatMs * 2 + 5000;
  }

  render(type: string, renderer: EventRenderer): void {
    this.renderers.set(type, renderer);
  }

  /** Writes events with the caller's transaction; they reach streams once it commits. */
  append(tx: Db, events: NewEvent[]): Promise<void> {
    return repo.appendEvents(tx, events);
  }

  hasOpenStream(tx: Db, userId: string): Promise<boolean> {
    return repo.hasOpenStream(tx, userId, new Date(this.deps.clock.now().getTime() - this.staleAfterMs));
  }

  get openCount(): number {
    return this.streams.size;
  }

  async start(): Promise<void> {
    const onNotice = (payload: string) => this.onNotice(payload);
    const { database } = this.deps;
    if (database.pglite) {
      this.unlisten = await database.pglite.listen(repo.EVENTS_CHANNEL, onNotice);
    } else if (database.dedicatedClient) {
      await this.listenOnPool(onNotice);
    }
    this.timer = setInterval(() => void this.tick(), this.heartbeatMs);
    // A stream must never keep the process alive.
    this.timer.unref();
  }

  /** One connection of its own LISTENs; when it drops, it comes back and the tick covers the gap. */
  private async listenOnPool(onNotice: (payload: string) => void): Promise<void> {
    const { database } = this.deps;
    const connect = async (): Promise<void> => {
      if (this.stopped) return;
      try {
        const client = await database.dedicatedClient!();
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          client.removeAllListeners('notification');
          client.end().catch(() => {});
        };
        client.on('notification', (n) => n.payload && onNotice(n.payload));
        client.on('error', (err) => {
          this.deps.log.warn({ err }, 'event listener connection lost');
          end();
          if (!this.stopped) setTimeout(() => void connect(), 1000).unref();
        });
        await client.query(`LISTEN ${repo.EVENTS_CHANNEL}`);
        this.unlisten = async () => {
          await client.query(`UNLISTEN ${repo.EVENTS_CHANNEL}`).catch(() => {});
          end();
        };
      } catch (err) {
        this.deps.log.warn({ err }, 'event listener could not connect; retrying');
        if (!this.stopped) setTimeout(() => void connect(), 1000).unref();
      }
    };
    await connect();
  }

  private onNotice(payload: string): void {
    const [kind, a = '', b] = payload.split(':');
    if (kind === 'e') {
      for (const s of this.byUser.get(a) ?? []) if (Number(b) > s.lastId) void this.pump(s);
    } else if (kind === 's') {
      for (const s of [...(this.bySession.get(a) ?? [])]) this.close(s);
    } else if (kind === 'a') {
      for (const s of [...(this.byUser.get(a) ?? [])]) this.close(s);
    }
  }

  /** Streams held here for a user (tests: a wake-up must reach these and no one else's). */
  streamsOf(userId: string): number {
    return this.byUser.get(userId)?.size ?? 0;
  }

  private index(s: Stream): void {
    this.streams.set(s.id, s);
    for (const [map, key] of [
      [this.byUser, s.userId],
      [this.bySession, s.sessionId],
    ] as const) {
      const set = map.get(key) ?? new Set<Stream>();
      set.add(s);
      map.set(key, set);
    }
  }

  private unindex(s: Stream): void {
    this.streams.delete(s.id);
    for (const [map, key] of [
      [this.byUser, s.userId],
      [this.bySession, s.sessionId],
    ] as const) {
      const set = map.get(key);
      set?.delete(s);
      if (set && !set.size) map.delete(key);
    }
  }

  /** One read in flight per (user, last id), whichever of the user's streams asks. */
  private readAfter(userId: string, lastId: number): Promise<StoredEvent[]> {
    const key = `${userId}:${lastId}`;
    let read = this.reads.get(key);
    if (!read) {
      read = repo.eventsAfter(this.deps.db, userId, lastId, REPLAY_BATCH);
      this.reads.set(key, read);
      const forget = () => this.reads.delete(key);
      read.then(forget, forget);
    }
    return read;
  }

  /** One rendering in flight per (user, event): tabs of one person see the same thing. */
  private renderFor(userId: string, e: StoredEvent): Promise<unknown> {
    const renderer = this.renderers.get(e.type);
    if (!renderer) return Promise.resolve(e.data);
    const key = `${userId}:${e.id}`;
    let out = this.renders.get(key);
    if (!out) {
      out = renderer(userId, e.data);
      this.renders.set(key, out);
      const forget = () => this.renders.delete(key);
      out.then(forget, forget);
    }
    return out;
  }

  /** Opens a stream on a raw response; `after` is the last id the client has (null: from now). */
  async open(
    who: { userId: string; sessionId: string },
    res: ServerResponse,
    after: number | null,
  ): Promise<void> {
    const latest = await repo.lastEventIdOf(this.deps.db, who.userId);
    // An id the server never gave this user reads as "up to date", not as a gap to wait for.
    const lastId = after === null ? latest : Math.min(after, latest);
    const s: Stream = { id: randomUUID(), ...who, res, lastId, pumping: false, again: false, closed: false };
    await repo.recordStreamOpen(this.deps.db, s, this.deps.clock.now());
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Proxies such as nginx must pass each event at once.
      'x-accel-buffering': 'no',
    });
    res.write(`retry: 2000\n\n`);
    res.on('close', () => this.close(s));
    res.on('error', () => this.close(s));
    this.index(s);
    if (this.stopped) return this.close(s);
    await this.pump(s);
  }

  /** Sends everything after the stream's last id; a wake-up during a read runs one more read. */
  private async pump(s: Stream): Promise<void> {
    if (s.closed) return;
    if (s.pumping) {
      s.again = true;
      return;
    }
    s.pumping = true;
    try {
      do {
        s.again = false;
        let batch: StoredEvent[];
        do {
          batch = await this.readAfter(s.userId, s.lastId);
          for (const e of batch) {
            if (s.closed) return;
            const data = await this.renderFor(s.userId, e);
            if (data !== null) s.res.write(sseEvent(e.id, e.type, data));
            s.lastId = e.id;
          }
        } while (batch.length === REPLAY_BATCH);
      } while (s.again && !s.closed);
    } catch (err) {
      // One stream's failure ends that stream, never the process or the others.
      this.deps.log.warn({ err, stream: s.id }, 'event stream failed');
      this.close(s);
    } finally {
      s.pumping = false;
    }
  }

  private async tick(): Promise<void> {
    const open = [...this.streams.values()];
    if (!open.length) return;
    try {
      for (const s of open) if (!s.closed) s.res.write(sseHeartbeat());
      await repo.touchStreams(
        this.deps.db,
        open.map((s) => s.id),
        this.deps.clock.now(),
      );
      const live = await repo.liveSessionIds(
        this.deps.db,
        [...new Set(open.map((s) => s.sessionId))],
        this.deps.clock.now(),
      );
      for (const s of open) {
        if (!live.has(s.sessionId)) this.close(s);
        else void this.pump(s);
      }
    } catch (err) {
      this.deps.log.warn({ err }, 'event stream heartbeat failed');
    }
  }

  private close(s: Stream): void {
    if (s.closed) return;
    s.closed = true;
    this.unindex(s);
    if (!s.res.writableEnded) s.res.end();
    if (!this.stopped) {
      repo.recordStreamClosed(this.deps.db, s.id).catch((err: unknown) => {
        this.deps.log.warn({ err }, 'could not record a closed event stream');
      });
    }
  }

  /** Ends every stream (server shutting down); clients reconnect elsewhere with Last-Event-ID. */
  async closeAll(): Promise<void> {
    const ids = [...this.streams.keys()];
    for (const s of [...this.streams.values()]) {
      s.closed = true;
      if (!s.res.writableEnded) s.res.end();
    }
    this.streams.clear();
    this.byUser.clear();
    this.bySession.clear();
    if (ids.length) {
      await Promise.all(ids.map((id) => repo.recordStreamClosed(this.deps.db, id))).catch(() => {});
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.closeAll();
    await this.unlisten?.().catch(() => {});
  }
}
