import type { CatalogSnapshot } from '../../catalog/catalog.service.js';
import type { RatingsSnapshot } from '../../reviews/ratings.js';
import type { IndexState, RankedSearch, SearchWindow } from '../offering-index.js';
import type { SortKey } from '../ranking.js';
import type { FirstStart } from './bookable-offerings.js';
import { bookableOfferings } from './bookable-offerings.js';
import { candidateOfferings } from './candidate-offerings.js';
import type { InterpretedQuery } from './interpret-query.js';
import { cheapCapOf, passesFilters } from './offering-filters.js';
import { rankOfferings } from './rank-offerings.js';

/** Everything the ranked list depends on; the minute keeps min-notice cut-offs honest. */
export function rankedListKey(q: InterpretedQuery, sort: SortKey, timezone: string, now: Date): string {
  return JSON.stringify([
    q.match.services.map((m) => [m.id, m.kind]),
    q.match.category,
    { ...q.parsed, raw: undefined, text: undefined },
    sort,
    timezone,
    Math.floor(now.getTime() / 60_000),
  ]);
}

/** Steps 2–5: candidates of what was matched, filtered by the facets and by real bookable time, ranked. */
export function rankedList(
  state: IndexState,
  snapshot: CatalogSnapshot,
  q: InterpretedQuery,
  sort: SortKey,
  window: SearchWindow | null,
  ratings: RatingsSnapshot,
  firstStart: FirstStart,
): RankedSearch {
  const candidates = candidateOfferings(state, q.match);
  const cheapCap = cheapCapOf(candidates, q.parsed);
  const filtered = candidates.filter((o) => passesFilters(o, q.parsed, cheapCap));
  const bookable = bookableOfferings(filtered, q.parsed, window, firstStart);
  return { results: rankOfferings(bookable, q.match, snapshot, sort, ratings), cheapCap };
}
