import type { Interpretation } from '../../../../contracts/search.js';
import type { MatchResult, ServiceMatcher } from '../matcher/service-matcher.js';
import type { SearchFilters } from '../query/apply-filters.js';
import { applyFilters } from '../query/apply-filters.js';
import type { AreaIndex, ParsedQuery } from '../query/parse-query.js';
import { parseQueryCached } from '../query/parse-cache.js';

/** What the search understood: the constraints, the services or category named, and how it was read. */
export interface InterpretedQuery {
  parsed: ParsedQuery;
  match: MatchResult;
  interpretation: Interpretation;
}

export interface InterpretContext {
  now: Date;
  timezone: string;
  areas: AreaIndex;
  matcher: ServiceMatcher;
  protectedPhrases: string[];
  /** Where "near me" is: the searcher's borough from their IP (modules/geo), when known. */
  homeBorough?: string | null;
}

/** Step 1: the text read into constraints, the filter panel's overrides applied, the subject matched. */
export function interpretQuery(q: string, filters: SearchFilters, ctx: InterpretContext): InterpretedQuery {
  // Explicit filters win over the text; applied before the cache key, which includes the parse.
  const parsed = applyFilters(
    parseQueryCached(q, {
      now: ctx.now,
      timezone: ctx.timezone,
      areas: ctx.areas,
      homeBorough: ctx.homeBorough ?? null,
      protectedPhrases: ctx.protectedPhrases,
    }),
    filters,
  );
  const match = ctx.matcher.match(parsed.text);
  return { parsed, match, interpretation: interpretationOf(match) };
}

export function interpretationOf(match: MatchResult): Interpretation {
  if (match.services.length > 1) return 'multi_service';
  if (match.services.length) return 'service';
  return match.category ? 'category' : 'broad';
}
