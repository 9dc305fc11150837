import { randomUUID } from 'node:crypto';
import type { Interpretation, SearchType } from '../../../contracts/search.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { boroughs, neighborhoods } from '../../db/schema/index.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { addDays, datesInRange, instantToLocal, localToInstant } from '../availability/local-time.js';
import type { ClientContext } from './client-context.js';
import type { Offering, OfferingIndex, RankedResult, RankedSearch, SearchWindow } from './offering-index.js';
import type { CatalogSnapshot } from '../catalog/catalog.service.js';
import type { AreaIndex, ParsedQuery } from './query/parse-query.js';
import { parseQuery } from './query/parse-query.js';
import type { SearchFilters } from './query/apply-filters.js';
import { applyFilters } from './query/apply-filters.js';
import type { SortKey } from './ranking.js';
import { compareResults, lowerQuartile } from './ranking.js';
import type { SearchRecorder } from './search-recorder.js';
import { normalizeQuery } from './search-history.repo.js';
import type { MatchResult } from './matcher/service-matcher.js';
import type { SearchMatching } from './search-matching.js';

export type { Interpretation, SearchType } from '../../../contracts/search.js';

/** The text plus the filter panel's overrides of what the text says. */
export interface SearchInput extends SearchFilters {
  q: string;
  page: number;
  perPage: number;
  type: SearchType;
  sort: SortKey;
  timezone: string;
  guestSessionId: string | null;
}

const RELEVANCE: Record<string, number> = { exact: 1, alias: 0.95, fuzzy: 0.85 };
/** Without a date, a time of day ("evening") means within the coming week. */
const TIME_ONLY_DAYS = 7;
/** Start times each result card offers as buttons. */
const NEXT_TIMES = 3;

export class SearchService {
  private areas?: Promise<AreaIndex>;

  constructor(
    private readonly deps: AppDeps,
    private readonly index: OfferingIndex,
    private readonly matching: SearchMatching,
    private readonly catalog: CatalogService,
    private readonly recorder: SearchRecorder,
  ) {}

  private areaIndex(): Promise<AreaIndex> {
    this.areas ??= (async () => ({
      boroughs: (await this.deps.db.select().from(boroughs)).map((b) => ({
        slug: b.slug,
        name: b.name,
        aliases: b.aliases,
      })),
      neighborhoods: (await this.deps.db.select().from(neighborhoods)).map((n) => ({
        slug: n.slug,
        name: n.name,
        boroughSlug: n.boroughSlug,
        aliases: n.aliases,
      })),
    }))();
    return this.areas;
  }

  async search(input: SearchInput, auth: AuthContext | null, client: ClientContext) {
    const started = performance.now();
    const now = this.deps.clock.now();
    const [state, snapshot, { matcher, protectedPhrases }] = await Promise.all([
      this.index.get(),
      this.catalog.snapshot(),
      this.matching.get(),
    ]);
    // Explicit filters win over the text; applied before the cache key, which includes the parse.
    const parsed = applyFilters(
      parseQuery(input.q, {
        now,
        timezone: input.timezone,
        areas: await this.areaIndex(),
        homeBorough: null,
        protectedPhrases,
      }),
      input,
    );
    const match = matcher.match(parsed.text);
    const interpretation: Interpretation =
      match.services.length > 1
        ? 'multi_service'
        : match.services.length
          ? 'service'
          : match.category
            ? 'category'
            : 'broad';

    // Everything the ranked list depends on; the minute keeps min-notice cut-offs honest.
    const key = JSON.stringify([
      match.services.map((m) => [m.id, m.kind]),
      match.category,
      { ...parsed, raw: undefined, text: undefined },
      input.sort,
      input.timezone,
      Math.floor(now.getTime() / 60_000),
    ]);
    let ranked = state.results.get(key);
    if (!ranked) {
      ranked = this.rank(state, snapshot, match, parsed, input, now);
      state.results.set(key, ranked);
    }
    const { results, cheapCap } = ranked;

    const start = (input.page - 1) * input.perPage;
    const window = this.timeWindow(parsed, input.timezone, now) ?? undefined;
    const page = results.slice(start, start + input.perPage).map((r) => ({
      instructorServiceId: r.offering.id,
      instructor: { id: r.offering.instructorId, name: r.offering.publicName, areas: r.offering.areas },
      service: {
        id: r.offering.serviceId,
        slug: r.offering.serviceSlug,
        name: r.offering.serviceName,
        categorySlug: r.offering.categorySlug,
      },
      hourlyRateCents: r.offering.hourlyRateCents,
      durations: r.offering.durations,
      locationTypes: r.offering.locationTypes,
      levels: r.offering.levels,
      ageGroups: r.offering.ageGroups,
      nextAvailableAt: r.next?.toISOString() ?? null,
      nextTimes: (r.times ??= r.next
        ? this.index.nextTimes(
            state,
            r.offering.instructorId,
            parsed.durationMinutes ?? r.offering.minDuration,
            r.next,
            NEXT_TIMES,
            window,
          )
        : []),
      rating: null,
      reviewCount: 0,
      matchReason: matchReason(match, r.offering, parsed, interpretation),
    }));

    const searchEventId = randomUUID();
    const body = {
      query: input.q.trim(),
      parsed: {
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
        format: parsed.format,
        level: parsed.level,
        ageGroup: parsed.ageGroup,
        durationMinutes: parsed.durationMinutes,
        unmatchedWords: match.leftover,
      },
      interpretation,
      results: page,
      total: results.length,
      page: input.page,
      perPage: input.perPage,
      searchEventId,
    };

    const owner = auth
      ? { userId: auth.user.id }
      : input.guestSessionId
        ? { guestSessionId: input.guestSessionId }
        : null;
    this.recorder.record({
      kind: 'search',
      owner,
      history: { query: input.q, searchType: input.type, resultCount: results.length, at: now },
      event: {
        id: searchEventId,
        userId: auth?.user.id ?? null,
        guestSessionId: input.guestSessionId,
        query: input.q.trim(),
        normalizedQuery: normalizeQuery(input.q),
        searchType: input.type,
        interpretation,
        parsed: body.parsed as unknown as Record<string, unknown>,
        resultCount: results.length,
        latencyMs: Math.round(performance.now() - started),
        deviceType: client.deviceType,
        browser: client.browser,
        os: client.os,
        referrer: client.referrer,
        sessionId: client.sessionId,
        ipHash: client.ipHash,
        // Set when written: whether this user or guest searched before.
        isReturningUser: false,
        clientContext: client.extra,
        createdAt: now,
      },
    });
    return body;
  }

  /** Candidates of the matched services (or category, or all), filtered by facets and real bookable time, ranked. */
  private rank(
    state: Awaited<ReturnType<OfferingIndex['get']>>,
    snapshot: CatalogSnapshot,
    match: MatchResult,
    parsed: ParsedQuery,
    input: SearchInput,
    now: Date,
  ): RankedSearch {
    let candidates: Offering[];
    if (match.services.length) candidates = match.services.flatMap((m) => state.byService.get(m.id) ?? []);
    else if (match.category) candidates = state.offerings.filter((o) => o.categorySlug === match.category);
    else candidates = state.offerings;

    const relevanceOf = new Map(match.services.map((m) => [m.id, RELEVANCE[m.kind] ?? m.score]));
    const cheapCap = parsed.cheap ? lowerQuartile(candidates.map((o) => o.hourlyRateCents)) : null;
    const window = this.timeWindow(parsed, input.timezone, now);

    const results: RankedResult[] = [];
    for (const o of candidates) {
      if (!this.passesFacets(o, parsed, cheapCap)) continue;
      const duration = parsed.durationMinutes ?? o.minDuration;
      const next = this.index.firstStart(state, o.instructorId, duration, window ?? undefined);
      if (window && !next) continue;
      results.push({
        offering: o,
        next,
        rank: {
          id: o.id,
          relevance: relevanceOf.get(o.serviceId) ?? 0.5,
          nextAvailableAt: next?.getTime() ?? null,
          rating: null,
          demand: snapshot.byId.get(o.serviceId)?.recentBookings ?? 0,
          hourlyRateCents: o.hourlyRateCents,
        },
      });
    }
    const compare = compareResults(input.sort);
    return { results: results.sort((a, b) => compare(a.rank, b.rank)), cheapCap };
  }

  private passesFacets(o: Offering, p: ParsedQuery, cheapCap: number | null): boolean {
    if (p.priceMaxCents !== null && o.hourlyRateCents > p.priceMaxCents) return false;
    if (p.priceMinCents !== null && o.hourlyRateCents < p.priceMinCents) return false;
    if (cheapCap !== null && o.hourlyRateCents > cheapCap) return false;
    if (
      p.borough &&
      !o.boroughs.has(p.borough) &&
      !(p.format === 'online' && o.locationTypes.includes('online'))
    )
      return false;
    if (p.format === 'online' && !o.locationTypes.includes('online')) return false;
    if (p.format === 'in_person' && !o.locationTypes.some((t) => t !== 'online')) return false;
    if (p.level && !o.levels.includes(p.level)) return false;
    if (p.ageGroup && !o.ageGroups.includes(p.ageGroup)) return false;
    if (p.durationMinutes && !o.durations.includes(p.durationMinutes)) return false;
    return true;
  }

  /**
   * The asked dates and times, read in the searcher's zone, as instant intervals: checking a start
   * is then a comparison, not a time-zone conversion.
   */
  private timeWindow(p: ParsedQuery, zone: string, now: Date): SearchWindow | null {
    const hasTime = p.timeFromMinutes !== null || p.timeToMinutes !== null;
    if (!p.date && !hasTime) return null;
    const from = p.date ?? instantToLocal(now, zone).date;
    const to = p.dateTo ?? (p.date ? p.date : addDays(from, TIME_ONLY_DAYS - 1));
    const lo = p.timeFromMinutes ?? 0;
    const hi = p.timeToMinutes ?? 1440;
    const spans = datesInRange(from, to).map(
      (d) =>
        [
          localToInstant(d, lo, zone).instant.getTime(),
          localToInstant(d, hi, zone).instant.getTime(),
        ] as const,
    );
    return {
      // Instructors in other zones see these dates shifted by at most a day.
      fromDate: addDays(from, -1),
      toDate: addDays(to, 1),
      contains: (t) => spans.some(([a, b]) => t >= a && t < b),
      answers: new Map(),
    };
  }
}

function matchReason(
  match: MatchResult,
  o: Offering,
  p: ParsedQuery,
  interpretation: Interpretation,
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
  else if (interpretation === 'category') bits.push(`${o.serviceName} in ${o.categorySlug}`);
  else bits.push(o.serviceName);
  if (p.priceMaxCents !== null) bits.push(`$${o.hourlyRateCents / 100}/h`);
  if (p.borough) bits.push(`serves ${o.areas.find((a) => a.boroughSlug === p.borough)?.borough ?? 'online'}`);
  if (p.date || p.timeOfDay) bits.push('free at the time you asked');
  return bits.join(' · ');
}
