import type { MatchResult } from '../matcher/service-matcher.js';
import type { IndexState, Offering } from '../offering-index.js';

/**
 * Step 2: the offerings of the matched services, else of the matched category, else all of them,
 * unless the subject was words nothing recognised: that is no broad search (relaxation decides).
 */
export function candidateOfferings(state: IndexState, match: MatchResult): Offering[] {
  if (match.services.length) return match.services.flatMap((m) => state.byService.get(m.id) ?? []);
  if (match.category) return state.offerings.filter((o) => o.categorySlug === match.category);
  if (match.leftover.length) return [];
  return state.offerings;
}
