import type {
  DidYouMean,
  RelaxedStep,
  SearchParsed,
  SearchResponse,
  SearchResult,
} from '../../../../contracts/search.js';
import { photoUrlFrom } from '../../instructors/instructor-views.js';
import type { ServiceMatcher } from '../matcher/service-matcher.js';
import type { CatalogSnapshot } from '../../catalog/catalog.service.js';
import type { RatingsSnapshot } from '../../reviews/ratings.js';
import type { NextTime, Offering, RankedResult } from '../offering-index.js';
import type { InterpretedQuery } from './interpret-query.js';

/** The page of the ranked list asked for (pages count from 1). */
export function pageOfResults(results: RankedResult[], page: number, perPage: number): RankedResult[] {
  const start = (page - 1) * perPage;
  return results.slice(start, start + perPage);
}

/** One result card: the offering, its instructor, when it can start, and why it matched. */
export function resultCard(
  r: RankedResult,
  q: InterpretedQuery,
  nextTimes: NextTime[],
  ratings: RatingsSnapshot,
  snapshot: Pick<CatalogSnapshot, 'categoryBySlugOrId'>,
): SearchResult {
  const o = r.offering;
  const mine = ratings.byInstructor.get(o.instructorId);
  const offering = ratings.byOffering.get(o.id);
  return {
    instructorServiceId: o.id,
    instructor: {
      id: o.instructorId,
      name: o.publicName,
      areas: o.areas,
      photoUrl: photoUrlFrom(o.photoKey),
    },
    service: { id: o.serviceId, slug: o.serviceSlug, name: o.serviceName, categorySlug: o.categorySlug },
    hourlyRateCents: o.hourlyRateCents,
    durations: o.durations,
    locationTypes: o.locationTypes,
    levels: o.levels,
    ageGroups: o.ageGroups,
    nextAvailableAt: r.next?.toISOString() ?? null,
    nextTimes,
    rating: mine?.mean ?? null,
    reviewCount: mine?.count ?? 0,
    offeringRating: offering ? { rating: offering.mean, reviewCount: offering.count } : null,
    matchReason: matchReason(q, o, snapshot.categoryBySlugOrId.get(o.categorySlug)?.name ?? o.categorySlug),
  };
}

/** What was understood, as the answer shows it; a "cheap" search shows the cap it applied. */
export function parsedSummary(
  q: InterpretedQuery,
  snapshot: CatalogSnapshot,
  cheapCap: number | null,
): SearchParsed {
  const { parsed, match } = q;
  return {
    services: match.services.map((m) => {
      const s = snapshot.byId.get(m.id);
      return { id: m.id, slug: s?.slug ?? '', name: s?.name ?? '', matchedBy: m.kind };
    }),
    category: match.category,
    priceMinCents: parsed.priceMinCents,
    priceMaxCents: parsed.priceMaxCents ?? cheapCap,
    cheap: parsed.cheap,
    date: parsed.date,
    dateTo: parsed.dateTo,
    timeOfDay: parsed.timeOfDay,
    timeFromMinutes: parsed.timeFromMinutes,
    timeToMinutes: parsed.timeToMinutes,
    borough: parsed.borough,
    neighborhood: parsed.neighborhood,
    nearMe: parsed.nearMe,
    // After interpretation "near me" keeps a borough only when it came from the searcher's IP.
    boroughSource: parsed.borough ? (parsed.nearMe ? 'near_me' : 'named') : null,
    locationUnknown: parsed.nearMe && !parsed.borough,
    format: parsed.format,
    level: parsed.level,
    ageGroup: parsed.ageGroup,
    durationMinutes: parsed.durationMinutes,
    unmatchedWords: match.leftover,
  };
}

/** Step 6: the answer, in the order of the contract (src/contracts/search.ts). */
export function searchResponse(a: {
  q: string;
  query: InterpretedQuery;
  parsed: SearchParsed;
  cards: SearchResult[];
  total: number;
  page: number;
  perPage: number;
  searchEventId: string;
  relaxed: RelaxedStep[];
  didYouMean: DidYouMean[];
}): SearchResponse {
  return {
    query: a.q.trim(),
    parsed: a.parsed,
    interpretation: a.query.interpretation,
    results: a.cards,
    total: a.total,
    page: a.page,
    perPage: a.perPage,
    searchEventId: a.searchEventId,
    relaxed: a.relaxed,
    didYouMean: a.didYouMean,
  };
}

/** For each unrecognised word, the closest catalog word, when one is close enough. */
export function didYouMeanOf(q: InterpretedQuery, matcher: Pick<ServiceMatcher, 'suggest'>): DidYouMean[] {
  return q.match.leftover.flatMap((word) => {
    const suggestion = matcher.suggest(word);
    return suggestion ? [{ word, suggestion }] : [];
  });
}

/** Why a card matched, in words: the category by its catalog name ("Boxing in Sports & Fitness"). */
function matchReason(
  { match, parsed: p, interpretation }: InterpretedQuery,
  o: Offering,
  categoryName: string,
): string {
  const bits: string[] = [];
  const m = match.services.find((s) => s.id === o.serviceId);
  if (m)
    bits.push(
      m.kind === 'exact'
        ? `Teaches ${o.serviceName}`
        : m.kind === 'fuzzy'
          ? `${o.serviceName} (did you mean?)`
          : `${o.serviceName} matches “${m.phrase}”`,
    );
  else if (interpretation === 'category') bits.push(`${o.serviceName} in ${categoryName}`);
  else bits.push(o.serviceName);
  if (p.priceMaxCents !== null) bits.push(`$${o.hourlyRateCents / 100}/h`);
  if (p.borough) bits.push(`serves ${o.areas.find((a) => a.boroughSlug === p.borough)?.borough ?? 'online'}`);
  if (p.date || p.timeOfDay) bits.push('free at the time you asked');
  return bits.join(' · ');
}
