import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
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
});
