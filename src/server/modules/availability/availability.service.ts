import { DateTime } from 'luxon';
import type { BookingStatus } from '../../../contracts/bookings.js';
import type { AppDeps } from '../../platform/deps.js';
import { conflict, notFound, unprocessable } from '../../platform/http/errors.js';
import { pageOf } from '../../platform/http/pagination.js';
import type { BulkOperation } from '../../../contracts/availability.js';
import * as repo from './availability.repo.js';
import type { Interval } from './intervals.js';
import { covers, normalize, subtract } from './intervals.js';
import { addDays, datesInRange, dayOfWeek, formatHHMM, instantToLocal, weekStart } from './local-time.js';
import { parseHHMM } from '../../../contracts/clock-time.js';
import type { InstructorSchedule } from './schedule.repo.js';
import { loadInstructorSchedule, loadSchedules } from './schedule.repo.js';

/** Public availability responses are cached under this prefix per instructor. */
export const availabilityCachePrefix = (instructorId: string) => `avail:${instructorId}:`;
const MAX_PATTERN_DAYS = 365;
/** Availability and blackouts can be set this many days after the instructor's today, no further. */
export const MAX_DAYS_AHEAD_EDIT = 730;

type RangeIn = { start: string; end: string };
const toInterval = (r: RangeIn): Interval => ({ start: parseHHMM(r.start)!, end: parseHHMM(r.end)! });
const toRange = (i: Interval) => ({ start: formatHHMM(i.start), end: formatHHMM(i.end) });

export type ScheduleListener = (instructorId: string) => Promise<void>;

/** The instructor's weekly editor and blackouts; any change drops cached public availability. */
export class AvailabilityService {
  private readonly listeners: ScheduleListener[] = [];

  constructor(private readonly deps: AppDeps) {}

  onChange(listener: ScheduleListener): void {
    this.listeners.push(listener);
  }

  schedule(
    instructorId: string,
    fromDate: string,
    toDate: string,
    opts?: { excludeBookingId?: string },
  ): Promise<InstructorSchedule | null> {
    return loadInstructorSchedule(this.deps.db, instructorId, fromDate, toDate, opts);
  }

  /** The schedules of these instructors (of all with a profile when none are named), for the search index. */
  schedules(
    fromDate: string,
    toDate: string,
    instructorIds?: string[],
  ): Promise<Map<string, InstructorSchedule>> {
    return loadSchedules(this.deps.db, fromDate, toDate, { instructorIds });
  }

  /** Any availability, blackout, profile or booking change of this instructor calls this. */
  async invalidate(instructorId: string): Promise<void> {
    await this.deps.cache.delByPrefix(availabilityCachePrefix(instructorId));
    for (const l of this.listeners) await l(instructorId);
  }

  private async zoneAndToday(instructorId: string) {
    const p = await repo.profileRules(this.deps.db, instructorId);
    if (!p) throw notFound('Instructor profile');
    const today = DateTime.fromJSDate(this.deps.clock.now(), { zone: p.timezone }).toISODate()!;
    return { zone: p.timezone, today, lastEditable: addDays(today, MAX_DAYS_AHEAD_EDIT) };
  }

  async week(instructorId: string, start?: string) {
    const { zone, today } = await this.zoneAndToday(instructorId);
    const monday = weekStart(start ?? today);
    const sunday = addDays(monday, 6);
    // Every argument is computed before any query starts: a throw half-way through the array
    // would leave an already started query's rejection unhandled and take the process down.
    const from = DateTime.fromISO(monday, { zone }).toJSDate();
    const to = DateTime.fromISO(addDays(sunday, 1), { zone }).toJSDate();
    const [ranges, blackouts, lessons] = await Promise.all([
      repo.rangesByDate(this.deps.db, instructorId, monday, sunday),
      repo.blackoutsBetween(this.deps.db, instructorId, monday, sunday),
      repo.confirmedLessonsBetween(this.deps.db, instructorId, from, to),
    ]);
    return {
      weekStart: monday,
      timezone: zone,
      days: datesInRange(monday, sunday).map((date) => {
        const blackout = blackouts.find((b) => b.date === date);
        return {
          date,
          isPast: date < today,
          isBlackout: !!blackout,
          blackoutReason: blackout?.reason ?? null,
          ranges: (ranges.get(date) ?? []).map(toRange),
          bookings: lessons
            .filter((l) => instantToLocal(l.startsAt, zone).date === date)
            .map((l) => ({
              id: l.id,
              service: l.serviceName,
              start: instantToLocal(l.startsAt, zone).time,
              end:
                instantToLocal(l.endsAt, zone).date === date ? instantToLocal(l.endsAt, zone).time : '24:00',
              // The column's check constraint holds it to these values.
              status: l.status as BookingStatus,
            })),
        };
      }),
    };
  }

  private async write(instructorId: string, byDate: Map<string, Interval[]>) {
    await this.deps.db.transaction((tx) => repo.replaceDates(tx, instructorId, byDate));
    await this.invalidate(instructorId);
  }

  async replaceWeek(
    instructorId: string,
    body: { start: string; days: { date: string; ranges: RangeIn[] }[] },
  ) {
    assertMonday(body.start, 'start');
    const { today, lastEditable } = await this.zoneAndToday(instructorId);
    assertNotTooFar(body.start, lastEditable);
    const week = new Set(datesInRange(body.start, addDays(body.start, 6)));
    const editable = (d: string) => d >= today && d <= lastEditable;
    const byDate = new Map<string, Interval[]>();
    for (const d of week) if (editable(d)) byDate.set(d, []);
    for (const day of body.days) {
      if (!week.has(day.date))
        throw unprocessable('DATE_OUTSIDE_WEEK', `${day.date} is not in the week of ${body.start}.`);
      if (day.date < today && day.ranges.length)
        throw unprocessable('PAST_DATE', `${day.date} is in the past.`);
      if (day.ranges.length) assertNotTooFar(day.date, lastEditable);
      if (editable(day.date)) byDate.set(day.date, normalize(day.ranges.map(toInterval)));
    }
    await this.write(instructorId, byDate);
    return this.week(instructorId, body.start);
  }

  private async patternOf(instructorId: string, monday: string) {
    const source = await repo.rangesByDate(this.deps.db, instructorId, monday, addDays(monday, 6));
    return (date: string) => source.get(addDays(monday, dayOfWeek(date) - 1)) ?? [];
  }

  async copyWeek(instructorId: string, fromWeekStart: string, toWeekStart: string) {
    assertMonday(fromWeekStart, 'fromWeekStart');
    assertMonday(toWeekStart, 'toWeekStart');
    const { today, lastEditable } = await this.zoneAndToday(instructorId);
    assertNotTooFar(toWeekStart, lastEditable);
    const pattern = await this.patternOf(instructorId, fromWeekStart);
    const byDate = new Map<string, Interval[]>();
    for (const d of datesInRange(toWeekStart, addDays(toWeekStart, 6))) {
      if (d < today) continue;
      // Days past the limit stay empty; copying hours onto them is refused, not dropped.
      if (d > lastEditable) {
        if (pattern(d).length) assertNotTooFar(d, lastEditable);
        continue;
      }
      byDate.set(d, pattern(d));
    }
    await this.write(instructorId, byDate);
    return this.week(instructorId, toWeekStart);
  }

  async applyPattern(instructorId: string, fromWeekStart: string, startDate: string, endDate: string) {
    const { today, lastEditable } = await this.zoneAndToday(instructorId);
    if (endDate < startDate) throw unprocessable('INVALID_RANGE', 'endDate is before startDate.');
    if (startDate < today) throw unprocessable('PAST_DATE', 'The pattern cannot start in the past.');
    // Counted without listing the dates, so a range of centuries costs nothing before it is refused.
    if (daysBetween(startDate, endDate) + 1 > MAX_PATTERN_DAYS)
      throw unprocessable('RANGE_TOO_LONG', `Apply a pattern to at most ${MAX_PATTERN_DAYS} days.`);
    assertNotTooFar(endDate, lastEditable);
    const dates = datesInRange(startDate, endDate);
    const pattern = await this.patternOf(instructorId, weekStart(fromWeekStart));
    await this.write(instructorId, new Map(dates.map((d) => [d, pattern(d)])));
    return { datesUpdated: dates.length };
  }

  /** Applies each operation to a working copy; with any failure, or validate_only, nothing is written. */
  async bulk(instructorId: string, operations: BulkOperation[], validateOnly: boolean) {
    const { today, lastEditable } = await this.zoneAndToday(instructorId);
    const dates = [...new Set(operations.map((o) => o.date))].sort();
    const current = await repo.rangesByDate(this.deps.db, instructorId, dates[0]!, dates.at(-1)!);
    const work = new Map(dates.map((d) => [d, current.get(d) ?? []]));
    const results = operations.map((op, index) => {
      const fail = (code: string, message: string) => ({
        index,
        ok: false as const,
        error: { code, message },
      });
      const range = toInterval(op);
      if (range.end <= range.start) return fail('INVALID_RANGE', 'A range ends after it starts.');
      if (op.date < today) return fail('PAST_DATE', `${op.date} is in the past.`);
      if (op.date > lastEditable) return fail('TOO_FAR_AHEAD', tooFarMessage(lastEditable));
      const list = work.get(op.date)!;
      if (op.action === 'add') work.set(op.date, normalize([...list, range]));
      else if (op.action === 'remove') {
        if (!covers(list, range)) return fail('NOT_AVAILABLE', 'That time is not in your availability.');
        work.set(op.date, subtract(list, [range]));
      } else {
        const next = toInterval({ start: op.newStart, end: op.newEnd });
        if (next.end <= next.start) return fail('INVALID_RANGE', 'The new range ends after it starts.');
        if (!covers(list, range))
          return fail('NOT_AVAILABLE', 'The range to update is not in your availability.');
        work.set(op.date, normalize([...subtract(list, [range]), next]));
      }
      return { index, ok: true as const };
    });
    const failures = results.filter((r) => !r.ok);
    if (failures.length > 0) {
      // One operation: its own error. Several: one error naming how many failed, each under details.
      const only = operations.length === 1 ? failures[0]!.error : null;
      throw unprocessable(
        only?.code ?? 'OPERATIONS_FAILED',
        only?.message ?? `${failures.length} of ${operations.length} operations failed; nothing was changed.`,
        { validateOnly, applied: false, results },
      );
    }
    if (!validateOnly) await this.write(instructorId, work);
    return { validateOnly, applied: !validateOnly, results };
  }

  async blackouts(instructorId: string, page: number, perPage: number) {
    const { today } = await this.zoneAndToday(instructorId);
    return pageOf(await repo.upcomingBlackouts(this.deps.db, instructorId, today), page, perPage);
  }

  async addBlackout(instructorId: string, date: string, reason: string) {
    const { today, lastEditable } = await this.zoneAndToday(instructorId);
    if (date < today) throw unprocessable('PAST_DATE', `${date} is in the past.`);
    assertNotTooFar(date, lastEditable);
    if (!(await repo.insertBlackout(this.deps.db, instructorId, date, reason))) {
      throw conflict('BLACKOUT_EXISTS', `${date} is already blocked.`);
    }
    await this.invalidate(instructorId);
    return { date, reason };
  }

  async removeBlackout(instructorId: string, date: string) {
    if (!(await repo.deleteBlackout(this.deps.db, instructorId, date))) throw notFound('Blackout date');
    await this.invalidate(instructorId);
  }
}

function assertMonday(date: string, field: string): void {
  if (dayOfWeek(date) !== 1)
    throw unprocessable('NOT_A_MONDAY', `${field} ${date} is not a Monday; weeks start on Monday.`, {
      field,
    });
}

const tooFarMessage = (lastEditable: string) =>
  `You can set availability up to ${MAX_DAYS_AHEAD_EDIT} days ahead, until ${lastEditable}.`;

function assertNotTooFar(date: string, lastEditable: string): void {
  if (date > lastEditable) {
    throw unprocessable('TOO_FAR_AHEAD', tooFarMessage(lastEditable), { lastDate: lastEditable });
  }
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
