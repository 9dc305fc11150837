import type { CatalogSnapshot } from '../../catalog/catalog.service.js';
import type { RatingsSnapshot } from '../../reviews/ratings.js';
import { rankingRating } from '../../reviews/ratings.js';
import type { MatchResult } from '../matcher/service-matcher.js';
import type { RankedResult } from '../offering-index.js';
import type { SortKey } from '../ranking.js';
import { compareResults } from '../ranking.js';
import type { BookableOffering } from './bookable-offerings.js';

const RELEVANCE: Record<string, number> = { exact: 1, alias: 0.95, fuzzy: 0.85 };
/** What an offering of no matched service (a category or broad search) scores. */
const UNMATCHED_RELEVANCE = 0.5;

/** Step 5: relevance to what was matched, then the asked sort (ranking.ts), ratings included. */
export function rankOfferings(
  bookable: BookableOffering[],
  match: MatchResult,
  snapshot: CatalogSnapshot,
  sort: SortKey,
  ratings: RatingsSnapshot,
): RankedResult[] {
  const relevanceOf = new Map(match.services.map((m) => [m.id, RELEVANCE[m.kind] ?? m.score]));
  const results = bookable.map(({ offering: o, next }) => ({
    offering: o,
    next,
    rank: {
      id: o.id,
      relevance: relevanceOf.get(o.serviceId) ?? UNMATCHED_RELEVANCE,
      nextAvailableAt: next?.getTime() ?? null,
      // The offering's Bayesian average, else the instructor's (a thin record leans to the mean).
      rating: rankingRating(ratings, o),
      demand: snapshot.byId.get(o.serviceId)?.demandScore ?? 0,
      hourlyRateCents: o.hourlyRateCents,
    },
  }));
  const compare = compareResults(sort);
  return results.sort((a, b) => compare(a.rank, b.rank));
}
