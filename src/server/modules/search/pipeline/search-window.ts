import { addDays, datesInRange, instantToLocal, localToInstant } from '../../availability/local-time.js';
import type { SearchWindow } from '../offering-index.js';
import type { ParsedQuery } from '../query/parse-query.js';

/** Without a date, a time of day ("evening") means within the coming week. */
const TIME_ONLY_DAYS = 7;

/**
 * The asked dates and times, read in the searcher's zone, as instant intervals: checking a start
 * is then a comparison, not a time-zone conversion. Null when the search asked no date or time.
 */
export function searchWindow(p: ParsedQuery, zone: string, now: Date): SearchWindow | null {
  const hasTime = p.timeFromMinutes !== null || p.timeToMinutes !== null;
  if (!p.date && !hasTime) return null;
  const from = p.date ?? instantToLocal(now, zone).date;
  const to = p.dateTo ?? (p.date ? p.date : addDays(from, TIME_ONLY_DAYS - 1));
  const lo = p.timeFromMinutes ?? 0;
  const hi = p.timeToMinutes ?? 1440;
  const spans = datesInRange(from, to).map(
    (d) =>
      [localToInstant(d, lo, zone).instant.getTime(), localToInstant(d, hi, zone).instant.getTime()] as const,
  );
  return {
    // Instructors in other zones see these dates shifted by at most a day.
    fromDate: addDays(from, -1),
    toDate: addDays(to, 1),
    contains: (t) => spans.some(([a, b]) => t >= a && t < b),
    answers: new Map(),
  };
}
