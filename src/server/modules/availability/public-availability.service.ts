import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { AppDeps } from '../../platform/deps.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/ids.js';
import { availabilityCachePrefix } from './availability.service.js';
import * as repo from './availability.repo.js';
import { computeBookableDays, earliestStart } from './bookable-time.js';
import { addDays } from './local-time.js';
import { resolveRange, shapeAvailability } from './public-availability.js';
import { loadInstructorSchedule } from './schedule.repo.js';
import type { BusyTime, ViewerBusy } from './busy-times.js';
import { overlapsBusy } from './busy-times.js';
import { localToInstant } from './local-time.js';
import { parseHHMM } from '../../../contracts/clock-time.js';
import type { PublicAvailabilityFull } from '../../../contracts/availability.js';

// The min-notice cut-off moves with the clock: a cached answer may be up to this old.
const CACHE_SECONDS = 60;

export interface CachedJson {
  body: string;
  etag: string;
}

/** What a student sees before booking: bookable times per day, no login needed. */
export class PublicAvailabilityService {
  constructor(
    private readonly deps: AppDeps,
    private readonly viewerBusy: ViewerBusy = async () => [],
  ) {}

  /** Active instructor with a profile, and the lesson length to show (service's shortest by default). */
  private async context(instructorId: string, duration?: number, instructorServiceId?: string) {
    if (!isUuid(instructorId)) throw notFound('Instructor');
    const profile = await repo.profileRules(this.deps.db, instructorId);
    if (!profile || profile.accountStatus !== 'active') throw notFound('Instructor');
    const offerings = await repo.activeOfferingDurations(this.deps.db, instructorId);
    let chosen = duration;
    if (instructorServiceId) {
      const o = offerings.find((x) => x.id === instructorServiceId);
      if (!o) throw notFound('Instructor service');
      chosen ??= Math.min(...o.durations);
    }
    chosen ??= offerings.length ? Math.min(...offerings.flatMap((o) => o.durations)) : 60;
    const today = DateTime.fromJSDate(this.deps.clock.now(), { zone: profile.timezone }).toISODate()!;
    return { profile, duration: chosen, today };
  }

  async availability(
    instructorId: string,
    q: {
      start?: string;
      end?: string;
      detail: 'full' | 'summary' | 'minimal';
      duration?: number;
      instructorServiceId?: string;
    },
  ): Promise<CachedJson> {
    return this.shared(instructorId, q);
  }

  /**
   * The same answer for one viewer: at detail=full, a signed-in viewer is not offered starts that
   * overlap their own confirmed lessons (the shared cache holds everyone's answer; this filters it
   * after). `personal` says the body depends on who asked (Cache-Control: private).
   */
  async availabilityFor(
    instructorId: string,
    q: Parameters<PublicAvailabilityService['availability']>[1],
    viewerId: string | null,
  ): Promise<CachedJson & { personal: boolean }> {
    const shared = await this.shared(instructorId, q);
    if (!viewerId || q.detail !== 'full') return { ...shared, personal: false };
    const busy = await this.viewerBusy(viewerId, this.deps.clock.now());
    if (!busy.length) return { ...shared, personal: true };
    const answer = withoutBusyStarts(JSON.parse(shared.body) as PublicAvailabilityFull, busy);
    const body = JSON.stringify(answer);
    return { body, etag: etagOf(body), personal: true };
  }

  private async shared(
    instructorId: string,
    q: Parameters<PublicAvailabilityService['availability']>[1],
  ): Promise<CachedJson> {
    const key = `${availabilityCachePrefix(instructorId)}${q.detail}:${q.start ?? ''}:${q.end ?? ''}:${q.duration ?? ''}:${q.instructorServiceId ?? ''}`;
    const hit = await this.deps.cache.get<CachedJson>(key);
    this.deps.metrics.cacheResult('availability', !!hit);
    if (hit) return hit;
    const { profile, duration, today } = await this.context(instructorId, q.duration, q.instructorServiceId);
    const range = resolveRange(today, q.start, q.end);
    if ('error' in range) throw badRequest('INVALID_RANGE', range.error);
    const schedule = (await loadInstructorSchedule(
      this.deps.db,
      instructorId,
      range.dates[0]!,
      range.dates.at(-1)!,
    ))!;
    const days = computeBookableDays({
      ...schedule,
      dates: range.dates,
      now: this.deps.clock.now(),
      durationMinutes: duration,
    });
    const body = JSON.stringify(
      shapeAvailability(q.detail, { instructorId, timezone: profile.timezone, duration }, days),
    );
    const value = { body, etag: etagOf(body) };
    await this.deps.cache.set(key, value, CACHE_SECONDS);
    return value;
  }

  async nextAvailable(instructorId: string, q: { duration?: number; instructorServiceId?: string }) {
    const { profile, duration, today } = await this.context(instructorId, q.duration, q.instructorServiceId);
    const last = addDays(today, profile.maxDaysAhead);
    const schedule = (await loadInstructorSchedule(this.deps.db, instructorId, today, last))!;
    const dates: string[] = [];
    for (let d = today; d <= last; d = addDays(d, 1)) dates.push(d);
    const first = earliestStart(
      computeBookableDays({ ...schedule, dates, now: this.deps.clock.now(), durationMinutes: duration }),
    );
    return {
      instructorId,
      timezone: profile.timezone,
      duration,
      nextAvailableAt: first?.startsAt.toISOString() ?? null,
      date: first?.date ?? null,
      time: first?.time ?? null,
    };
  }
}

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** A full answer without the starts whose lesson would overlap `busy`; the earliest start follows. */
export function withoutBusyStarts(
  a: PublicAvailabilityFull,
  busy: readonly BusyTime[],
): PublicAvailabilityFull {
  let earliest: { date: string; at: string } | null = null;
  const days = a.days.map((d) => {
    const startTimes = d.startTimes.filter((t) => {
      const at = localToInstant(d.date, parseHHMM(t)!, a.timezone).instant.getTime();
      return !overlapsBusy(at, a.duration, busy);
    });
    if (!earliest && startTimes.length) {
      const at = localToInstant(d.date, parseHHMM(startTimes[0]!)!, a.timezone).instant;
      earliest = { date: d.date, at: at.toISOString() };
    }
    return { ...d, startTimes };
  });
  const first = earliest as { date: string; at: string } | null;
  return { ...a, earliestAvailableDate: first?.date ?? null, earliestAvailableAt: first?.at ?? null, days };
}
