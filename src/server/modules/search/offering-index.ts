import { LRUCache } from 'lru-cache';
import { DateTime } from 'luxon';
import type { AppDeps } from '../../platform/deps.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import type { BookableDay } from '../availability/bookable-time.js';
import { computeBookableDays } from '../availability/bookable-time.js';
import { addDays, datesInRange, instantToLocal } from '../availability/local-time.js';
import type { BusyTime } from '../availability/busy-times.js';
import { overlapsBusy } from '../availability/busy-times.js';
import { isUiStart } from '../../../contracts/clock-time.js';
import type { InstructorSchedule } from '../availability/schedule.repo.js';
import { publicName } from '../instructors/instructor-views.js';
import type { OfferingRow } from './offerings.repo.js';
import { loadSearchableOfferings } from './offerings.repo.js';
import type { Rankable } from './ranking.js';
import type { RelaxedStep } from '../../../contracts/search.js';
import type { InterpretedQuery } from './pipeline/interpret-query.js';

export interface Offering extends OfferingRow {
  boroughs: ReadonlySet<string>;
  publicName: string;
  minDuration: number;
}

export interface IndexState {
  offerings: Offering[];
  byService: Map<string, Offering[]>;
  schedules: Map<string, InstructorSchedule>;
  /**
   * Ranked candidate lists of recent searches (same constraints, zone, sort and minute), so a
   * popular query is filtered once a minute, not once a request. Dropped with any change.
   */
  results: LRUCache<string, RankedSearch>;
  /** Bookable days by date per `${instructorId}:${duration}` (see DayMemo). */
  days: Map<string, DayMemo>;
}

/**
 * An instructor's bookable days for one lesson length, computed with no notice period from
 * `base` on and one day past their horizon, so they stay right for hours: each search applies
 * the notice and horizon cut-offs of its own instant to the starts (`cutoffs`).
 */
interface DayMemo {
  base: number;
  validUntil: number;
  dates: string[];
  byDate: Map<string, BookableDay>;
  /** The first start from `firstFrom` on (null: none), kept until it falls under the notice cut-off. */
  first?: { at: Date | null; earliest: number };
}

export const INDEX_CHANNEL = 'search.index';
/**
 * Computed days are reused this long (they hold a day more than the horizon, so less than a day).
 * The notice cut-off moves with the clock and is applied per search, not baked into the days.
 */
const DAYS_TTL_MS = 6 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** A cached result list is reused within the minute it was computed for, at most this long. */
const RESULTS_TTL_MS = 60_000;
/** While changes on other instances may go unheard (Redis down), the index is rebuilt this often. */
const UNRELIABLE_TTL_MS = 5_000;
/** Search looks this far ahead at most (the public availability API's own maximum). */
const HORIZON_DAYS = 90;

/**
 * Every active offering in memory, with each instructor's schedule, so a search touches no SQL.
 * Rebuilt when offerings change; one instructor's schedule is reloaded when their availability or
 * bookings change. Other instances hear about changes through the cache's pub/sub channel.
 */
export class OfferingIndex {
  private state?: Promise<IndexState>;
  private builtAt = 0;
  /** Instructors whose schedule changed since the last search; reloaded together by the next one. */
  private stale = new Set<string>();

  constructor(
    private readonly deps: Pick<AppDeps, 'db' | 'cache' | 'clock' | 'log' | 'metrics'>,
    private readonly availability: Pick<AvailabilityService, 'schedules'>,
  ) {
    deps.cache.subscribe(
      INDEX_CHANNEL,
      (msg) => {
        if (msg === '*') this.state = undefined;
        else this.markStale(msg);
      },
      () => (this.state = undefined),
    );
  }

  get(): Promise<IndexState> {
    const unheard = !this.deps.cache.broadcastReliable() && Date.now() - this.builtAt > UNRELIABLE_TTL_MS;
    this.deps.metrics.cacheResult('offering_index', !!this.state && !unheard && !this.stale.size);
    if (!this.state || unheard) {
      this.stale.clear();
      this.builtAt = Date.now();
      this.remember(this.build());
    } else if (this.stale.size) {
      const ids = [...this.stale];
      this.stale.clear();
      this.remember(this.state.then((state) => this.reloadInstructors(state, ids)));
    }
    return this.state!;
  }

  private remember(pending: Promise<IndexState>) {
    this.state = pending;
    // A failed load must not stay memoised.
    pending.catch(() => {
      if (this.state === pending) this.state = undefined;
    });
  }

  /** Offerings changed (added, priced, retired, an instructor's status): rebuild everything. */
  async offeringsChanged(): Promise<void> {
    this.state = undefined;
    await this.deps.cache.publish(INDEX_CHANNEL, '*');
  }

  /**
   * One instructor's availability or bookings changed. Nothing is loaded now: a burst of bookings
   * costs no SQL here, and the next search reloads every changed instructor in one query first.
   */
  async scheduleChanged(instructorId: string): Promise<void> {
    this.markStale(instructorId);
    await this.deps.cache.publish(INDEX_CHANNEL, instructorId);
  }

  private markStale(instructorId: string) {
    if (this.state) this.stale.add(instructorId);
  }

  private window() {
    const today = DateTime.fromJSDate(this.deps.clock.now(), { zone: 'UTC' });
    return {
      from: today.minus({ days: 1 }).toISODate()!,
      to: today.plus({ days: HORIZON_DAYS + 1 }).toISODate()!,
    };
  }

  private async build(): Promise<IndexState> {
    const { from, to } = this.window();
    const [rows, schedules] = await Promise.all([
      loadSearchableOfferings(this.deps.db),
      this.availability.schedules(from, to),
    ]);
    const offerings = rows.map(toOffering);
    const byService = new Map<string, Offering[]>();
    for (const o of offerings) byService.set(o.serviceId, [...(byService.get(o.serviceId) ?? []), o]);
    return { offerings, byService, schedules, days: new Map(), results: newResultCache() };
  }

  private async reloadInstructors(state: IndexState, ids: string[]): Promise<IndexState> {
    const { from, to } = this.window();
    const fresh = await this.availability.schedules(from, to, ids);
    const changed = new Set(ids);
    for (const id of ids) {
      const s = fresh.get(id);
      if (s) state.schedules.set(id, s);
      else state.schedules.delete(id);
    }
    for (const key of [...state.days.keys()])
      if (changed.has(key.slice(0, key.indexOf(':')))) state.days.delete(key);
    state.results.clear();
    return state;
  }

  /**
   * The first bookable start of an instructor for a lesson length, optionally only inside a
   * window of instants (a date/time window). Days are computed lazily, a week at a time, and the
   * unwindowed answer (next available) is kept with them.
   */
  firstStart(
    state: IndexState,
    instructorId: string,
    duration: number,
    window?: SearchWindow,
    avoid?: readonly BusyTime[],
  ): Date | null {
    const schedule = state.schedules.get(instructorId);
    if (!schedule) return null;
    const now = this.deps.clock.now();
    const key = `${instructorId}:${duration}`;
    const memo = this.dayMemo(state, key, schedule, now);
    const { earliest, latest } = cutoffs(schedule, now);
    // An answer that avoids one viewer's lessons is theirs alone: never memoised for everyone.
    const shared = !avoid?.length;
    if (shared && !window && memo.first && stillFirst(memo.first, earliest)) return memo.first.at;
    const cached = shared ? window?.answers.get(key) : undefined;
    if (cached !== undefined) return cached;
    const dates = window
      ? memo.dates.slice(
          firstIndex(memo.dates, window.fromDate),
          firstIndex(memo.dates, addDays(window.toDate, 1)),
        )
      : memo.dates;
    let found: Date | null = null;
    for (let i = 0; i < dates.length && !found; i += 7) {
      const chunk = dates.slice(i, i + 7);
      this.computeDays(memo, chunk, schedule, duration);
      for (const d of chunk) {
        const day = memo.byDate.get(d)!;
        for (let j = 0; j < day.starts.length; j++) {
          const start = day.starts[j]!;
          const t = start.getTime();
          if (t > latest) break;
          // Only a start the screens offer counts as the first: the card's first time is this one.
          if (!isUiStart(day.startTimes[j]!)) continue;
          if (
            t >= earliest &&
            (!window || window.contains(t)) &&
            !(avoid && overlapsBusy(t, duration, avoid))
          ) {
            found = start;
            break;
          }
        }
        if (found) break;
      }
    }
    if (!shared) return found;
    if (!window) memo.first = { at: found, earliest };
    else window.answers.set(key, found);
    return found;
  }

  private dayMemo(state: IndexState, key: string, schedule: InstructorSchedule, now: Date): DayMemo {
    let memo = state.days.get(key);
    if (!memo || memo.validUntil <= now.getTime()) {
      const today = instantToLocal(now, schedule.timezone).date;
      const last = addDays(today, Math.min(schedule.maxDaysAhead, HORIZON_DAYS) + 1);
      memo = {
        base: now.getTime(),
        validUntil: now.getTime() + DAYS_TTL_MS,
        dates: datesInRange(today, last),
        byDate: new Map(),
      };
      state.days.set(key, memo);
    }
    return memo;
  }

  /** Fills in the memo's missing days among `dates`: every start from the memo's base on. */
  private computeDays(memo: DayMemo, dates: string[], schedule: InstructorSchedule, duration: number) {
    const missing = dates.filter((d) => !memo.byDate.has(d));
    if (!missing.length) return;
    for (const day of computeBookableDays({
      ...schedule,
      minAdvanceHours: 0,
      maxDaysAhead: schedule.maxDaysAhead + 1,
      dates: missing,
      now: new Date(memo.base),
      durationMinutes: duration,
    }))
      memo.byDate.set(day.date, day);
  }

  /**
   * What a result card offers: the first bookable start, then the next ones on the half hour, all
   * on that same local day (and inside the search's window, if it has one), none overlapping `avoid`.
   */
  nextTimes(
    state: IndexState,
    instructorId: string,
    duration: number,
    first: Date,
    count: number,
    window?: SearchWindow,
    avoid?: readonly BusyTime[],
  ): NextTime[] {
    const schedule = state.schedules.get(instructorId);
    if (!schedule) return [];
    const date = instantToLocal(first, schedule.timezone).date;
    const now = this.deps.clock.now();
    const memo = this.dayMemo(state, `${instructorId}:${duration}`, schedule, now);
    this.computeDays(memo, memo.dates.includes(date) ? [date] : [], schedule, duration);
    const day = memo.byDate.get(date);
    const { latest } = cutoffs(schedule, now);
    const out: NextTime[] = [];
    day?.starts.forEach((start, i) => {
      const time = day.startTimes[i]!;
      const t = start.getTime();
      if (out.length >= count || start < first || t > latest || (window && !window.contains(t))) return;
      if (!isUiStart(time) || (avoid && overlapsBusy(t, duration, avoid))) return;
      out.push({ startsAt: start.toISOString(), date, time });
    });
    return out;
  }
}

export interface NextTime {
  startsAt: string;
  /** The instructor's local date and time, as the booking API takes them. */
  date: string;
  time: string;
}

export interface RankedResult {
  offering: Offering;
  next: Date | null;
  rank: Rankable;
  /** The card's start times, worked out the first time the result is shown and kept with the list. */
  times?: NextTime[];
}

/** A search's ranked list and the "cheap" price cap it applied. */
export interface RankedSearch {
  results: RankedResult[];
  cheapCap: number | null;
  /** Set when nothing matched as asked: the steps let go of, and the query and window that matched. */
  relaxed?: RelaxedStep[];
  effective?: { query: InterpretedQuery; window: SearchWindow | null };
}

const newResultCache = () => new LRUCache<string, RankedSearch>({ max: 500, ttl: RESULTS_TTL_MS });

/** Index of the first date ≥ `date` in a sorted list (binary search: dates compare as strings). */
function firstIndex(dates: string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Instants a lesson may start in, plus the instructor-side dates that can hold them. */
export interface SearchWindow {
  fromDate: string;
  toDate: string;
  contains(instant: number): boolean;
  /** Per-search memo: an instructor's offerings of one lesson length share the answer. */
  answers: Map<string, Date | null>;
}

function toOffering(r: OfferingRow): Offering {
  return {
    ...r,
    boroughs: new Set(r.areas.map((a) => a.boroughSlug)),
    publicName: publicName(r.instructorName),
    minDuration: Math.min(...r.durations),
  };
}

/** The instants a search made `now` may offer starts between (notice and horizon, on whole minutes). */
function cutoffs(schedule: InstructorSchedule, now: Date): { earliest: number; latest: number } {
  const t = now.getTime();
  return {
    earliest: Math.ceil((t + schedule.minAdvanceHours * 3_600_000) / MINUTE_MS) * MINUTE_MS,
    latest: Math.floor((t + schedule.maxDaysAhead * DAY_MS) / MINUTE_MS) * MINUTE_MS,
  };
}

/**
 * A kept first start stays the first while it is still past the notice cut-off: the clock only
 * removes starts from the front. "None" is trusted for the minute only (the horizon grows).
 */
function stillFirst(first: { at: Date | null; earliest: number }, earliest: number): boolean {
  if (first.at) return first.at.getTime() >= earliest;
  return Math.floor(first.earliest / MINUTE_MS) === Math.floor(earliest / MINUTE_MS);
}
