import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import type {
  SearchEventRow as EventRow,
  SearchInteractionRow as InteractionRow,
} from './search-events.repo.js';
import { insertSearchEvents, insertSearchInteractions, searchersSeenBefore } from './search-events.repo.js';
import type { SearchOwner } from './search-history.repo.js';
import { trimHistory, upsertHistory } from './search-history.repo.js';

export type RecordedItem =
  | {
      kind: 'search';
      owner: SearchOwner | null;
      history: { query: string; searchType: string; resultCount: number; at: Date } | null;
      event: EventRow;
    }
  | { kind: 'interaction'; row: InteractionRow };

export interface RecorderTiming {
  /** How long a search may wait in the queue before its batch is written. */
  flushMs: number;
  /** A queue this long is written at once, whatever the interval says. */
  maxBatch: number;
}

/**
 * Once a second, not ten times: on embedded PGlite a batch runs on the event loop, and each write
 * holds up whichever request arrives meanwhile, so the number of writes per second, far more than
 * their size, sets the tail latency (one-client p99 16 ms at 100 ms, measured; docs/PERFORMANCE.md).
 * Reads of history, interactions, sign-in adoption and shutdown flush first, so nobody sees the lag.
 */
export const DEFAULT_RECORDER_TIMING: RecorderTiming = { flushMs: 1_000, maxBatch: 500 };

/**
 * History and analytics writes leave the request path: searches queue here and are written in
 * order, in batches, once per interval. Each history write is still one atomic UPSERT.
 */
export class SearchRecorder {
  private queue: RecordedItem[] = [];
  private timer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  /** Searchers whose searches this instance has written (bounded; a miss only costs a lookup). */
  private readonly seen = new LRUCache<string, true>({ max: 100_000 });

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly timing: RecorderTiming = DEFAULT_RECORDER_TIMING,
  ) {}

  record(item: RecordedItem): void {
    this.queue.push(item);
    if (this.queue.length >= this.timing.maxBatch) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.timing.flushMs);
  }

  /** Writes everything queued so far; resolves when it is in the database. Never rejects. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    this.flushing = this.flushing.then(() => this.writeIsolated(batch));
    return this.flushing;
  }

  /**
   * The batch in as few statements as possible; when that fails, item by item, so one bad row
   * (a value the database refuses) costs only itself, never the other searches of its batch.
   */
  private async writeIsolated(batch: RecordedItem[]): Promise<void> {
    try {
      await this.write(batch);
      return;
    } catch (err) {
      if (batch.length === 1) {
        this.log.error({ err: (err as Error).cause ?? (err as Error).message }, 'search record dropped');
        return;
      }
    }
    for (const item of batch) await this.writeIsolated([item]);
  }

  private async write(batch: RecordedItem[]): Promise<void> {
    if (!batch.length) return;
    const events = batch.flatMap((i) => (i.kind === 'search' ? [i.event] : []));
    await this.db.transaction(async (tx) => {
      if (events.length) await insertSearchEvents(tx, await this.markReturning(tx, events));
      const history = batch.flatMap((i) =>
        i.kind === 'search' && i.owner && i.history ? [{ owner: i.owner, ...i.history }] : [],
      );
      await trimHistory(tx, await upsertHistory(tx, history));
      const interactions = batch.flatMap((i) => (i.kind === 'interaction' ? [i.row] : []));
      await insertSearchInteractions(tx, interactions);
    });
    for (const e of events) {
      const k = e.userId ?? (e.guestSessionId ? `g:${e.guestSessionId}` : null);
      if (k) this.seen.set(k, true);
    }
  }

  /**
   * A searcher is returning when an earlier search of theirs exists (before or within this batch).
   * Searchers this instance has already recorded are known without asking the database.
   */
  private async markReturning(db: Db, events: EventRow[]): Promise<EventRow[]> {
    const key = (e: EventRow) => e.userId ?? (e.guestSessionId ? `g:${e.guestSessionId}` : null);
    const unknown = events.filter((e) => {
      const k = key(e);
      return k !== null && !this.seen.has(k);
    });
    const userIds = [...new Set(unknown.flatMap((e) => (e.userId ? [e.userId] : [])))];
    const guests = [
      ...new Set(unknown.flatMap((e) => (!e.userId && e.guestSessionId ? [e.guestSessionId] : []))),
    ];
    const seenInDb = await searchersSeenBefore(db, userIds, guests);
    const inBatch = new Set<string>();
    return events.map((e) => {
      const k = key(e);
      const returning = k !== null && (this.seen.has(k) || seenInDb.has(k) || inBatch.has(k));
      if (k) inBatch.add(k);
      return { ...e, isReturningUser: returning };
    });
  }

  async close(): Promise<void> {
    await this.flush();
  }
}
