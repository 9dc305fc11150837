import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database, Db } from '../../db/client.js';
import { searchEvents, searchHistory } from '../../db/schema/index.js';
import { cloneTestDatabase } from '../../testing/test-app.js';
import { normalizeQuery } from './search-history.repo.js';
import { SearchRecorder } from './search-recorder.js';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await cloneTestDatabase());
});
afterAll(async () => {
  await database.close();
  await drop();
});

const search = (guestSessionId: string, q: string) => ({
  kind: 'search' as const,
  owner: { guestSessionId },
  history: { query: q, searchType: 'natural_language', resultCount: 1, at: new Date() },
  event: {
    id: randomUUID(),
    userId: null,
    guestSessionId,
    query: q,
    normalizedQuery: normalizeQuery(q),
    searchType: 'natural_language',
    interpretation: 'service',
    parsed: {},
    resultCount: 1,
    latencyMs: 1,
    isReturningUser: false,
    createdAt: new Date(),
  },
});

describe('the search recorder', () => {
  it('a row the database refuses costs only itself, not the 20 other searches of its batch', async () => {
    const recorder = new SearchRecorder(database.db, pino({ level: 'silent' }));
    const guests = Array.from({ length: 20 }, () => `guest${randomUUID().slice(0, 8)}`);
    guests.forEach((g, i) => {
      recorder.record(search(g, `piano lessons ${i}`));
      // PostgreSQL refuses NUL in text: the kind of value that once sank a whole batch.
      if (i === 10) recorder.record(search(g, 'piano\u0000evil'));
    });
    await recorder.flush();
    for (const g of guests) {
      const events = await database.db.select().from(searchEvents).where(eq(searchEvents.guestSessionId, g));
      const history = await database.db
        .select()
        .from(searchHistory)
        .where(eq(searchHistory.guestSessionId, g));
      expect(events.map((e) => e.query)).toHaveLength(1);
      expect(history).toHaveLength(1);
    }
  });

  it('repeats of one query inside a batch become one history row counting each of them', async () => {
    const recorder = new SearchRecorder(database.db, pino({ level: 'silent' }));
    const g = `guest${randomUUID().slice(0, 8)}`;
    for (const q of ['Piano', 'piano ', '  PIANO']) recorder.record(search(g, q));
    recorder.record(search(g, 'violin'));
    await recorder.flush();
    recorder.record(search(g, 'piano'));
    await recorder.flush();
    const rows = await database.db.select().from(searchHistory).where(eq(searchHistory.guestSessionId, g));
    const counts = Object.fromEntries(rows.map((r) => [r.normalizedQuery, r.searchCount]));
    expect(counts).toEqual({ piano: 4, violin: 1 });
    const events = await database.db.select().from(searchEvents).where(eq(searchEvents.guestSessionId, g));
    expect(events).toHaveLength(5);
  });

  it('keeps only the newest 100 history rows of each searcher, even when one batch brings 130', async () => {
    const recorder = new SearchRecorder(database.db, pino({ level: 'silent' }));
    const [a, b] = [`guest${randomUUID().slice(0, 8)}`, `guest${randomUUID().slice(0, 8)}`];
    const start = Date.now() - 1_000_000;
    for (let i = 0; i < 130; i++) {
      const item = search(a, `query ${i}`);
      item.history.at = new Date(start + i * 1000);
      recorder.record(item);
    }
    recorder.record(search(b, 'only one'));
    await recorder.flush();
    const rows = await database.db.select().from(searchHistory).where(eq(searchHistory.guestSessionId, a));
    expect(rows).toHaveLength(100);
    expect(rows.map((r) => Number(r.normalizedQuery.split(' ')[1])).sort((x, y) => x - y)[0]).toBe(30);
    const other = await database.db.select().from(searchHistory).where(eq(searchHistory.guestSessionId, b));
    expect(other).toHaveLength(1);
  });

  it('flush never rejects, even when nothing of the batch can be written', async () => {
    const recorder = new SearchRecorder(database.db, pino({ level: 'silent' }));
    recorder.record(search('guest-bad-only', 'a\u0000b'));
    await expect(recorder.flush()).resolves.toBeUndefined();
  });

  const eventsOf = (g: string) =>
    database.db.select().from(searchEvents).where(eq(searchEvents.guestSessionId, g));
  const historyOf = (g: string) =>
    database.db.select().from(searchHistory).where(eq(searchHistory.guestSessionId, g));
  /** Counts the batches (one transaction each) a recorder writes. */
  const countingTransactions = () => {
    const spy = vi.spyOn(database.db, 'transaction');
    const restore = () => {
      const n = spy.mock.calls.length;
      spy.mockRestore();
      return n;
    };
    return { db: database.db as Db, batches: () => spy.mock.calls.length, restore };
  };
  const until = async (done: () => Promise<boolean>) => {
    for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 10));
  };

  it('searches of one interval are written by one batch on the timer, with nobody asking for it', async () => {
    const g = `guest${randomUUID().slice(0, 8)}`;
    const counting = countingTransactions();
    const recorder = new SearchRecorder(counting.db, pino({ level: 'silent' }), {
      flushMs: 50,
      maxBatch: 500,
    });
    for (const q of ['piano', 'violin', 'cello', 'piano']) recorder.record(search(g, q));
    // Nothing is written on the request path: the queue waits for its interval.
    expect(counting.batches()).toBe(0);
    await until(async () => (await eventsOf(g)).length === 4);
    const batches = counting.restore();
    expect(await eventsOf(g)).toHaveLength(4);
    expect((await historyOf(g)).map((r) => [r.normalizedQuery, r.searchCount]).sort()).toEqual([
      ['cello', 1],
      ['piano', 2],
      ['violin', 1],
    ]);
    expect(batches).toBe(1);
  });

  it('a queue that reaches the batch size is written at once, not after the interval', async () => {
    const g = `guest${randomUUID().slice(0, 8)}`;
    const recorder = new SearchRecorder(database.db, pino({ level: 'silent' }), {
      flushMs: 600_000,
      maxBatch: 5,
    });
    for (let i = 0; i < 5; i++) recorder.record(search(g, `drums ${i}`));
    await until(async () => (await eventsOf(g)).length === 5);
    expect(await eventsOf(g)).toHaveLength(5);
    expect(await historyOf(g)).toHaveLength(5);
  });

  it('closing writes the searches still queued, so a shutdown loses none', async () => {
    const g = `guest${randomUUID().slice(0, 8)}`;
    const recorder = new SearchRecorder(database.db, pino({ level: 'silent' }), {
      flushMs: 600_000,
      maxBatch: 500,
    });
    recorder.record(search(g, 'chess'));
    recorder.record(search(g, 'yoga'));
    expect(await eventsOf(g)).toHaveLength(0);
    await recorder.close();
    expect((await eventsOf(g)).map((e) => e.query).sort()).toEqual(['chess', 'yoga']);
    expect(await historyOf(g)).toHaveLength(2);
  });

  it('when the one batch statement fails, every row is retried alone and only the bad one is lost', async () => {
    const g = `guest${randomUUID().slice(0, 8)}`;
    const counting = countingTransactions();
    const recorder = new SearchRecorder(counting.db, pino({ level: 'silent' }), {
      flushMs: 600_000,
      maxBatch: 500,
    });
    for (const q of ['guitar', 'bad\u0000row', 'flute']) recorder.record(search(g, q));
    await recorder.flush();
    // The batch, then each of its three rows on its own.
    expect(counting.restore()).toBe(4);
    expect((await eventsOf(g)).map((e) => e.query).sort()).toEqual(['flute', 'guitar']);
  });
});
