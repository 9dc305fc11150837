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

  it('flush never rejects, even when nothing of the batch can be written', async () => {
    const recorder = new SearchRecorder(database.db, pino({ level: 'silent' }));
    recorder.record(search('guest-bad-only', 'a\u0000b'));
    await expect(recorder.flush()).resolves.toBeUndefined();
  });
});
