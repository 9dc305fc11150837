import { randomUUID } from 'node:crypto';
import type { SearchResponse, SearchType } from '../../../contracts/search.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AreasService } from '../areas/areas.service.js';
import type { RatingsSnapshot } from '../reviews/ratings.js';
import type { RatingsService } from '../reviews/ratings.service.js';
import type { AppDeps } from '../../platform/deps.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import type { ClientContext } from './client-context.js';
import type { IndexState, NextTime, OfferingIndex, RankedResult, SearchWindow } from './offering-index.js';
import { interpretQuery } from './pipeline/interpret-query.js';
import type { InterpretedQuery } from './pipeline/interpret-query.js';
import type { FirstStart } from './pipeline/bookable-offerings.js';
import { rankedList, rankedListKey } from './pipeline/ranked-list.js';
import { relaxedList } from './pipeline/relaxed-list.js';
import { searchRecord } from './pipeline/search-record.js';
import {
  didYouMeanOf,
  pageOfResults,
  parsedSummary,
  resultCard,
  searchResponse,
} from './pipeline/search-response.js';
import { searchWindow } from './pipeline/search-window.js';
import type { AreaIndex } from './query/parse-query.js';
import type { SearchFilters } from './query/apply-filters.js';
import type { SortKey } from './ranking.js';
import type { SearchRecorder } from './search-recorder.js';
import type { SearchMatching } from './search-matching.js';
import type { Geolocator } from '../geo/geolocator.js';
import type { BusyTime, ViewerBusy } from '../availability/busy-times.js';
import { overlapsBusy } from '../availability/busy-times.js';

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
  /** The searcher's address (request.ip, TRUST_PROXY honoured): only ever asked where "near me" is. */
  ip?: string | null;
}

const versions = new WeakMap<RatingsSnapshot, number>();
let lastVersion = 0;
/** A number per aggregate loaded, so a cached ranked list never outlives the ratings it used. */
function ratingsVersion(s: RatingsSnapshot): string {
  let v = versions.get(s);
  if (v === undefined) versions.set(s, (v = ++lastVersion));
  return `:r${v}`;
}

/** Start times each result card offers as buttons. */
const NEXT_TIMES = 3;

/**
 * A search is a pipeline of small steps (pipeline/): interpret the text → candidates → filters →
 * bookable time → rank (kept per minute in the index) → page and shape the answer → record it.
 */
export class SearchService {
  constructor(
    private readonly deps: AppDeps,
    private readonly index: OfferingIndex,
    private readonly matching: SearchMatching,
    private readonly catalog: CatalogService,
    private readonly recorder: SearchRecorder,
    private readonly areas: AreasService,
    private readonly ratings: Pick<RatingsService, 'snapshot'>,
    private readonly viewerBusy: ViewerBusy = async () => [],
    private readonly geolocator: Pick<Geolocator, 'boroughOf'> = { boroughOf: async () => null },
  ) {}

  private areaIndex(): Promise<AreaIndex> {
    return this.areas.everyArea();
  }

  async search(input: SearchInput, auth: AuthContext | null, client: ClientContext): Promise<SearchResponse> {
    const started = performance.now();
    const now = this.deps.clock.now();
    const [state, snapshot, { matcher, protectedPhrases }, ratings] = await Promise.all([
      this.index.get(),
      this.catalog.snapshot(),
      this.matching.get(),
      this.ratings.snapshot(),
    ]);
    const areas = await this.areaIndex();
    const context = { now, timezone: input.timezone, areas, matcher, protectedPhrases };
    let query = interpretQuery(input.q, input, context);
    // "near me" with no place named (a named or chosen one wins): the IP says where, when it can.
    // Resolved before the cache key, which includes the borough, so no searcher gets another's.
    if (query.parsed.nearMe && !query.parsed.borough) {
      const homeBorough = await this.geolocator.boroughOf(input.ip ?? null);
      if (homeBorough) query = interpretQuery(input.q, input, { ...context, homeBorough });
    }
    const asked = searchWindow(query.parsed, input.timezone, now);

    // The aggregate is replaced, never mutated, on a change: its identity keys the cached lists.
    const key = rankedListKey(query, input.sort, input.timezone, now) + ratingsVersion(ratings);
    let ranked = state.results.get(key);
    this.deps.metrics.cacheResult('search_results', ranked !== undefined);
    if (!ranked) {
      const firstStart: FirstStart = (id, duration, w) => this.index.firstStart(state, id, duration, w);
      ranked = rankedList(state, snapshot, query, input.sort, asked, ratings, firstStart);
      // Only a search that found nothing pays for relaxing; the relaxed list is cached the same way.
      if (!ranked.results.length) {
        const relaxed = relaxedList(query, {
          state,
          snapshot,
          areas,
          sort: input.sort,
          timezone: input.timezone,
          now,
          ratings,
          firstStart,
        });
        if (relaxed) ranked = { ...relaxed, cheapCap: ranked.cheapCap };
      }
      state.results.set(key, ranked);
    }
    // Cards describe the results by the query that found them, relaxed or as asked.
    const shown = ranked.effective?.query ?? query;
    const window = ranked.effective ? ranked.effective.window : asked;
    // The ranked list is shared by every searcher; the viewer's own lessons come off it after.
    const busy = auth ? await this.viewerBusy(auth.user.id, now) : [];
    const results = busy.length
      ? this.clearOfBusy(state, ranked.results, shown, window, busy)
      : ranked.results;

    const cards = pageOfResults(results, input.page, input.perPage).map((r) =>
      resultCard(r, shown, this.nextTimes(state, r, shown, window, busy), ratings, snapshot),
    );
    const body = searchResponse({
      q: input.q,
      query,
      parsed: parsedSummary(query, snapshot, ranked.cheapCap),
      cards,
      total: results.length,
      page: input.page,
      perPage: input.perPage,
      searchEventId: randomUUID(),
      relaxed: ranked.relaxed ?? [],
      didYouMean: didYouMeanOf(query, matcher),
    });

    const latencyMs = performance.now() - started;
    this.deps.metrics.searchDuration.observe({ interpretation: query.interpretation }, latencyMs / 1000);
    this.recorder.record(
      searchRecord({
        q: input.q,
        type: input.type,
        auth,
        guestSessionId: input.guestSessionId,
        client,
        body,
        latencyMs: Math.round(latencyMs),
        at: now,
      }),
    );
    return body;
  }

  /**
   * The results with a first start clear of the viewer's lessons: one whose first start overlaps
   * one gets the next clear start (inside the window), or leaves the list when there is none.
   */
  private clearOfBusy(
    state: IndexState,
    results: RankedResult[],
    q: InterpretedQuery,
    window: SearchWindow | null,
    busy: readonly BusyTime[],
  ): RankedResult[] {
    const out: RankedResult[] = [];
    for (const r of results) {
      if (!r.next) continue;
      const duration = q.parsed.durationMinutes ?? r.offering.minDuration;
      if (!overlapsBusy(r.next.getTime(), duration, busy)) {
        out.push(r);
        continue;
      }
      const id = r.offering.instructorId;
      const next = this.index.firstStart(state, id, duration, window ?? undefined, busy);
      if (next)
        out.push({ ...r, next, times: undefined, rank: { ...r.rank, nextAvailableAt: next.getTime() } });
    }
    return out;
  }

  /**
   * A card's start times, worked out the first time the result is shown and kept with the cached
   * list; a viewer with lessons gets their own, not kept.
   */
  private nextTimes(
    state: IndexState,
    r: RankedResult,
    q: InterpretedQuery,
    window: SearchWindow | null,
    busy: readonly BusyTime[],
  ): NextTime[] {
    const times = (avoid?: readonly BusyTime[]) =>
      r.next
        ? this.index.nextTimes(
            state,
            r.offering.instructorId,
            q.parsed.durationMinutes ?? r.offering.minDuration,
            r.next,
            NEXT_TIMES,
            window ?? undefined,
            avoid,
          )
        : [];
    // The viewer's own lessons make the times theirs alone: computed each time, never kept.
    if (busy.length) return times(busy);
    r.times ??= times();
    return r.times;
  }
}
