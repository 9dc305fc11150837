import { DateTime } from 'luxon';
import type { AppDeps } from '../../platform/deps.js';
import type { BookableDay } from '../availability/bookable-time.js';
import { computeBookableDays } from '../availability/bookable-time.js';
import { datesInRange } from '../availability/local-time.js';
import type { InstructorSchedule } from '../availability/schedule.repo.js';
import { publicName } from '../instructors/instructor-views.js';
import type { OfferingRow } from './offerings.repo.js';
import { loadSearchableOfferings } from './offerings.repo.js';
import { loadSchedulesBulk } from './schedules-bulk.repo.js';

export interface Offering extends OfferingRow {
  boroughs: ReadonlySet<string>;
  publicName: string;
  minDuration: number;
}

interface IndexState {
  offerings: Offering[];
  byService: Map<string, Offering[]>;
  schedules: Map<string, InstructorSchedule>;
  /** Bookable days per `${instructorId}:${duration}`, valid until the clock passes `validUntil`. */
  days: Map<string, { validUntil: number; days: BookableDay[] }>;
}

export const INDEX_CHANNEL = 'search.index';
/** The min-notice cut-off moves with the clock; computed days are reused for this long. */
const DAYS_TTL_MS = 60_000;
/** Search looks this far ahead at most (the public availability API's own maximum). */
const HORIZON_DAYS = 90;

/**
 * Every active offering in memory, with each instructor's schedule, so a search touches no SQL.
 * Rebuilt when offerings change; one instructor's schedule is reloaded when their availability or
 * bookings change. Other instances hear about changes through the cache's pub/sub channel.
 */
export class OfferingIndex {
  private state?: Promise<IndexState>;

  constructor(private readonly deps: Pick<AppDeps, 'db' | 'cache' | 'clock' | 'log'>) {
    deps.cache.subscribe(INDEX_CHANNEL, (msg) => {
      if (msg === '*') this.state = undefined;
      else void this.reloadInstructor(msg);
    });
  }

  get(): Promise<IndexState> {
    if (!this.state) {
      const building = this.build();
      this.state = building;
      building.catch(() => {
        if (this.state === building) this.state = undefined;
      });
    }
    return this.state;
  }

  /** Offerings changed (added, priced, retired, an instructor's status): rebuild everything. */
  async offeringsChanged(): Promise<void> {
    this.state = undefined;
    await this.deps.cache.publish(INDEX_CHANNEL, '*');
  }

  /** One instructor's availability or bookings changed. */
  async scheduleChanged(instructorId: string): Promise<void> {
    await this.reloadInstructor(instructorId);
    await this.deps.cache.publish(INDEX_CHANNEL, instructorId);
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
      loadSchedulesBulk(this.deps.db, from, to),
    ]);
    const offerings = rows.map(toOffering);
    const byService = new Map<string, Offering[]>();
    for (const o of offerings) byService.set(o.serviceId, [...(byService.get(o.serviceId) ?? []), o]);
    return { offerings, byService, schedules, days: new Map() };
  }

  private async reloadInstructor(instructorId: string): Promise<void> {
    if (!this.state) return;
    const state = await this.state;
    const { from, to } = this.window();
    const fresh = await loadSchedulesBulk(this.deps.db, from, to, [instructorId]);
    const s = fresh.get(instructorId);
    if (s) state.schedules.set(instructorId, s);
    else state.schedules.delete(instructorId);
    for (const key of [...state.days.keys()]) if (key.startsWith(`${instructorId}:`)) state.days.delete(key);
  }

  /** The instructor's bookable days for a lesson length, from their today to their horizon. */
  bookableDays(state: IndexState, instructorId: string, duration: number): BookableDay[] {
    const key = `${instructorId}:${duration}`;
    const now = this.deps.clock.now();
    const hit = state.days.get(key);
    if (hit && hit.validUntil > now.getTime()) return hit.days;
    const schedule = state.schedules.get(instructorId);
    let days: BookableDay[] = [];
    if (schedule) {
      const today = DateTime.fromJSDate(now, { zone: schedule.timezone });
      const dates = datesInRange(
        today.toISODate()!,
        today.plus({ days: Math.min(schedule.maxDaysAhead, HORIZON_DAYS) }).toISODate()!,
      );
      days = computeBookableDays({ ...schedule, dates, now, durationMinutes: duration });
    }
    state.days.set(key, { validUntil: now.getTime() + DAYS_TTL_MS, days });
    return days;
  }
}

function toOffering(r: OfferingRow): Offering {
  return {
    ...r,
    boroughs: new Set(r.areas.map((a) => a.boroughSlug)),
    publicName: publicName(r.instructorName),
    minDuration: Math.min(...r.durations),
  };
}
