// The slot engine: availability − blackouts − buffered bookings − notice/horizon → bookable
// ranges and lesson start times. All maths runs on epoch-ms instants, so DST days have their
// real length; local "HH:MM" strings appear only at the edges.
import { clip, covers, normalize, overlaps, subtract, totalLength, type Interval } from './intervals.js';
import { parseHHMM } from '../../../contracts/clock-time.js';
import { instantToLocal, isValidDate, isValidZone, localToInstant } from './local-time.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Starts must sit on the local quarter-hour marks. */
const GRID_MINUTES = 15;

export interface BookableInput {
  timezone: string;
  dates: string[];
  availability: Record<string, { start: string; end: string }[]>;
  blackoutDates: ReadonlySet<string>;
  bookings: { startsAt: Date; endsAt: Date }[];
  bufferMinutes: number;
  minAdvanceHours: number;
  maxDaysAhead: number;
  now: Date;
  durationMinutes: number;
  stepMinutes?: number;
}

/** A bookable stretch: local labels for display plus the exact instants. */
export interface BookableRange {
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
}

export interface BookableDay {
  date: string;
  isBlackout: boolean;
  ranges: BookableRange[];
  startTimes: string[];
  starts: Date[];
}

export type BookableRules = Omit<BookableInput, 'dates' | 'durationMinutes' | 'stepMinutes'>;
export type BookableReason =
  | 'IN_PAST'
  | 'MIN_NOTICE'
  | 'TOO_FAR_AHEAD'
  | 'BLACKOUT'
  | 'OUTSIDE_AVAILABILITY'
  | 'BOOKING_CONFLICT'
  | 'NOT_ON_GRID';
export type BookableCheck = { ok: true } | { ok: false; reason: BookableReason };

export interface DaySummary {
  morning: boolean;
  afternoon: boolean;
  evening: boolean;
  totalMinutes: number;
}

export function computeBookableDays(input: BookableInput): BookableDay[] {
  const step = input.stepMinutes ?? GRID_MINUTES;
  assertRules(input);
  assertPositiveInt(input.durationMinutes, 'durationMinutes');
  assertPositiveInt(step, 'stepMinutes');
  const durationMs = input.durationMinutes * MINUTE_MS;
  const { earliest, latestStart } = horizon(input);
  // Letting ranges run one duration past the last allowed start makes "the lesson fits in a
  // range" exactly equal to "it starts no later than the horizon".
  const window = { start: earliest, end: latestStart + durationMs };
  const blocked = normalize(input.bookings.map((b) => blockedBy(b, input.bufferMinutes)));
  const tz = input.timezone;

  return input.dates.map((date) => {
    if (!isValidDate(date)) throw new RangeError(`invalid date: ${date}`);
    if (input.blackoutDates.has(date))
      return { date, isBlackout: true, ranges: [], startTimes: [], starts: [] };
    const free = clip(subtract(availabilityOn(date, input.availability, tz), blocked), window);
    const starts = gridStarts(free, durationMs, step, tz);
    return {
      date,
      isBlackout: false,
      ranges: free.map((r) => toRange(r, date, tz)),
      startTimes: starts.map((s) => instantToLocal(s, tz).time),
      starts,
    };
  });
}

/** Checks one requested lesson; the reason maps to a precise 422 code. */
export function isBookable(rules: BookableRules, startsAt: Date, durationMinutes: number): BookableCheck {
  assertRules(rules);
  assertPositiveInt(durationMinutes, 'durationMinutes');
  const lesson = { start: startsAt.getTime(), end: startsAt.getTime() + durationMinutes * MINUTE_MS };
  const { earliest, latestStart } = horizon(rules);
  if (lesson.start < rules.now.getTime()) return fail('IN_PAST');
  if (lesson.start < earliest) return fail('MIN_NOTICE');
  if (lesson.start > latestStart) return fail('TOO_FAR_AHEAD');
  const local = instantToLocal(startsAt, rules.timezone);
  if (rules.blackoutDates.has(local.date)) return fail('BLACKOUT');
  if (lesson.start % MINUTE_MS !== 0 || local.minutes % GRID_MINUTES !== 0) return fail('NOT_ON_GRID');
  if (!covers(availabilityOn(local.date, rules.availability, rules.timezone), lesson)) {
    return fail('OUTSIDE_AVAILABILITY');
  }
  if (rules.bookings.some((b) => overlaps(lesson, blockedBy(b, rules.bufferMinutes)))) {
    return fail('BOOKING_CONFLICT');
  }
  return { ok: true };
}

/** The first offered start across all days, or null when nothing is bookable. */
export function earliestStart(
  days: readonly BookableDay[],
): { date: string; time: string; startsAt: Date } | null {
  let best: { date: string; time: string; startsAt: Date } | null = null;
  for (const day of days) {
    for (let i = 0; i < day.starts.length; i++) {
      const startsAt = day.starts[i]!;
      if (!best || startsAt.getTime() < best.startsAt.getTime()) {
        best = { date: day.date, time: day.startTimes[i] ?? '', startsAt };
      }
    }
  }
  return best;
}

/** Part-of-day flags (by local start label) and real bookable minutes, for search result chips. */
export function summarize(day: BookableDay): DaySummary {
  const minutes = day.startTimes.map((t) => parseHHMM(t) ?? -1);
  const startsIn = (from: number, to: number) => minutes.some((m) => m >= from && m < to);
  const real = day.ranges.map((r) => ({ start: r.startsAt.getTime(), end: r.endsAt.getTime() }));
  return {
    morning: startsIn(6 * 60, 12 * 60),
    afternoon: startsIn(12 * 60, 17 * 60),
    evening: startsIn(17 * 60, 22 * 60),
    totalMinutes: totalLength(real) / MINUTE_MS,
  };
}

/** Earliest and latest allowed start instants, rounded onto whole minutes (starts always are). */
function horizon(rules: BookableRules): { earliest: number; latestStart: number } {
  const now = rules.now.getTime();
  return {
    earliest: ceilMinute(now + rules.minAdvanceHours * HOUR_MS),
    latestStart: floorMinute(now + rules.maxDaysAhead * DAY_MS),
  };
}

/** Time a booking keeps others out of: a new lesson must end a buffer before it and start a buffer after. */
function blockedBy(booking: { startsAt: Date; endsAt: Date }, bufferMinutes: number): Interval {
  const buffer = bufferMinutes * MINUTE_MS;
  // Rounding outward is exact for whole-minute lessons and keeps every boundary on a minute.
  return {
    start: floorMinute(booking.startsAt.getTime() - buffer),
    end: ceilMinute(booking.endsAt.getTime() + buffer),
  };
}

/** The date's availability as merged instant intervals; malformed rows are skipped (validated on write). */
function availabilityOn(date: string, availability: BookableInput['availability'], tz: string): Interval[] {
  const rows = availability[date] ?? [];
  return normalize(
    rows.flatMap((row) => {
      const start = parseHHMM(row.start);
      const end = parseHHMM(row.end);
      if (start === null || end === null || end <= start) return [];
      // Gap times map to the jump instant, so 01:00–04:00 on spring-forward day is 2 real hours.
      const from = localToInstant(date, start, tz).instant.getTime();
      return [{ start: from, end: localToInstant(date, end, tz).instant.getTime() }];
    }),
  );
}

/** Instants on local `step`-minute marks whose whole lesson fits inside one free range. */
function gridStarts(free: Interval[], durationMs: number, step: number, tz: string): Date[] {
  const out: Date[] = [];
  for (const range of free) {
    let t = ceilMinute(range.start);
    while (t + durationMs <= range.end) {
      // Re-checking the local mark each step keeps the grid right after odd-sized DST shifts.
      const off = instantToLocal(new Date(t), tz).minutes % step;
      if (off === 0) out.push(new Date(t));
      t += (off === 0 ? step : step - off) * MINUTE_MS;
    }
  }
  return out;
}

function toRange(range: Interval, date: string, tz: string): BookableRange {
  const start = instantToLocal(new Date(range.start), tz);
  const end = instantToLocal(new Date(range.end), tz);
  return {
    start: start.time,
    end: end.date === date ? end.time : '24:00',
    startsAt: new Date(range.start),
    endsAt: new Date(range.end),
  };
}

function fail(reason: BookableReason): BookableCheck {
  return { ok: false, reason };
}

function assertRules(rules: BookableRules): void {
  if (!isValidZone(rules.timezone)) throw new RangeError(`invalid time zone: ${rules.timezone}`);
  for (const key of ['bufferMinutes', 'minAdvanceHours', 'maxDaysAhead'] as const) {
    if (!Number.isFinite(rules[key]) || rules[key] < 0) throw new RangeError(`${key} must be >= 0`);
  }
  if (Number.isNaN(rules.now.getTime())) throw new RangeError('now is not a valid date');
}

function assertPositiveInt(value: number, name: string): void {
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive integer`);
}

function ceilMinute(ms: number): number {
  return Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
}

function floorMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}
