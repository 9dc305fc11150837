import type { SearchResponse, SearchType } from '../../../../contracts/search.js';
import type { AuthContext } from '../../../platform/auth/auth-context.js';
import type { ClientContext } from '../client-context.js';
import { normalizeQuery } from '../search-history.repo.js';
import type { RecordedItem } from '../search-recorder.js';

/** Step 7: the history entry (for whoever searched) and the analytics event of one search. */
export function searchRecord(a: {
  q: string;
  type: SearchType;
  auth: AuthContext | null;
  guestSessionId: string | null;
  client: ClientContext;
  body: SearchResponse;
  latencyMs: number;
  at: Date;
}): RecordedItem {
  const { auth, guestSessionId, client, body } = a;
  const owner = auth ? { userId: auth.user.id } : guestSessionId ? { guestSessionId } : null;
  // Relaxed results are not answers to what was asked: analytics keeps it a zero-result search
  // (the searcher's own history shows what they saw).
  const resultCount = body.relaxed.length ? 0 : body.total;
  return {
    kind: 'search',
    owner,
    history: { query: a.q, searchType: a.type, resultCount: body.total, at: a.at },
    event: {
      id: body.searchEventId,
      userId: auth?.user.id ?? null,
      guestSessionId,
      query: a.q.trim(),
      normalizedQuery: normalizeQuery(a.q),
      searchType: a.type,
      interpretation: body.interpretation,
      parsed: { ...body.parsed, relaxed: body.relaxed } as unknown as Record<string, unknown>,
      resultCount,
      // Relaxed results were not bookable answers to what was asked: unmet demand counts them as none.
      bookableCount: body.relaxed.length ? 0 : body.results.filter((r) => r.nextAvailableAt !== null).length,
      shownOfferingIds: body.results.map((r) => r.instructorServiceId),
      latencyMs: a.latencyMs,
      deviceType: client.deviceType,
      browser: client.browser,
      os: client.os,
      referrer: client.referrer,
      sessionId: client.sessionId,
      ipHash: client.ipHash,
      // Set when written: whether this user or guest searched before.
      isReturningUser: false,
      clientContext: client.extra,
      createdAt: a.at,
    },
  };
}
