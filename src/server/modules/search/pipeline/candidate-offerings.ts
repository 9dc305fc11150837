import type { MatchResult } from '../matcher/service-matcher.js';
import type { IndexState, Offering } from '../offering-index.js';

/** Step 2: the offerings of the matched services, else of the matched category, else all of them. */
export function candidateOfferings(state: IndexState, match: MatchResult): Offering[] {
  if (match.services.length) return match.services.flatMap((m) => state.byService.get(m.id) ?? []);
  if (match.category) return state.offerings.filter((o) => o.categorySlug === match.category);
  return state.offerings;
}
