// Calendar dates ("YYYY-MM-DD"), wall-clock minutes ("HH:MM", read by contracts/clock-time.ts)
// and their mapping to real instants in an IANA zone. Offsets come from luxon's zone data;
// everything else is plain arithmetic so DST gaps and overlaps are handled explicitly, not by
// luxon's defaults.
import { IANAZone } from 'luxon';
import { isCalendarDate } from '../../../contracts/primitives.js';
import { isValidTimeZone } from '../../../contracts/time-zone.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;

export interface LocalInstant {
  instant: Date;
  /** False when the wall time falls in a DST gap; `instant` is then the moment the clock jumps. */
  exists: boolean;
  /** True when the wall time happens twice; `instant` is then the earlier one. */
  ambiguous: boolean;
}

export function isQuarterAligned(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes % 15 === 0;
}

/** Minutes after midnight (0..1440) → "HH:MM"; 1440 gives "24:00". */
export function formatHHMM(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`minutes out of range: ${minutes}`);
  }
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/**
 * "YYYY-MM-DD" naming a real day of a four-digit year. Not limited to the request window: date
 * arithmetic near its edges (the Sunday after 2199-12-31) must keep working.
 */
export const isValidDate = isCalendarDate;

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: string): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week containing `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - dayOfWeek(date));
}

/** Every date from `start` to `end`, both included; empty when end < start. */
export function datesInRange(start: string, end: string): string[] {
  const out: string[] = [];
  const last = toUtcMs(end);
  for (let ms = toUtcMs(start); ms <= last; ms += DAY_MS) out.push(fromUtcMs(ms));
  return out;
}

export const isValidZone = isValidTimeZone;

/**
 * Wall time `minutes` after local midnight of `date` in `zone` → real instant.
 * Minutes ≥ 1440 roll into the following day, so 24:00 is next day's 00:00.
 */
export function localToInstant(date: string, minutes: number, zone: string): LocalInstant {
  const tz = zoneOf(zone);
  // The wall clock read as if it were UTC; the real instant is `wall - offset`.
  const wall = toUtcMs(date) + minutes * MINUTE_MS;
  // Offsets a day either side cover any transition that can touch this wall time.
  const offsets = new Set([wall - DAY_MS, wall, wall + DAY_MS].map((t) => offsetMs(tz, t)));
  const hits = [...new Set([...offsets].map((o) => wall - o))]
    .filter((t) => offsetMs(tz, t) === wall - t)
    .sort((a, b) => a - b);
  const first = hits[0];
  if (first !== undefined) return { instant: new Date(first), exists: true, ambiguous: hits.length > 1 };

  // DST gap: find the jump between the two candidate instants by bisection.
  let lo = wall - Math.max(...offsets);
  let hi = wall - Math.min(...offsets);
  const before = offsetMs(tz, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(tz, mid) === before) lo = mid;
    else hi = mid;
  }
  return { instant: new Date(hi), exists: false, ambiguous: false };
}

/** Real instant → the local calendar date and wall time in `zone` (seconds dropped). */
export function instantToLocal(instant: Date, zone: string): { date: string; time: string; minutes: number } {
  const tz = zoneOf(zone);
  const ts = instant.getTime();
  const local = new Date(ts + offsetMs(tz, ts));
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return { date: local.toISOString().slice(0, 10), time: formatHHMM(minutes), minutes };
}

function zoneOf(zone: string): IANAZone {
  const tz = IANAZone.create(zone); // luxon caches zone objects by name
  if (!tz.isValid) throw new RangeError(`invalid time zone: ${zone}`);
  return tz;
}

// Zone offsets only change on quarter-hour boundaries, so one lookup per zone and 15-minute
// bucket is exact; it spares the slot engine thousands of Intl calls per search.
const QUARTER_MS = 15 * MINUTE_MS;
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_MAX = 500_000;
let offsetCacheSize = 0;

function offsetMs(tz: IANAZone, ts: number): number {
  const bucket = Math.floor(ts / QUARTER_MS);
  let zoneCache = offsetCache.get(tz.name);
  if (!zoneCache) offsetCache.set(tz.name, (zoneCache = new Map()));
  let offset = zoneCache.get(bucket);
  if (offset === undefined) {
    if (offsetCacheSize >= OFFSET_CACHE_MAX) {
      offsetCache.clear();
      offsetCacheSize = 0;
      offsetCache.set(tz.name, zoneCache);
      zoneCache.clear();
    }
    offset = tz.offset(bucket * QUARTER_MS) * MINUTE_MS;
    zoneCache.set(bucket, offset);
    offsetCacheSize++;
  }
  return offset;
}

function toUtcMs(date: string): number {
  if (!isValidDate(date)) throw new RangeError(`invalid date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
