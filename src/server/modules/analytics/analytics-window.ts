import { DateTime } from 'luxon';
import type { AnalyticsRange, AnalyticsRangeQuery } from '../../../contracts/analytics.js';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../../contracts/time-zone.js';
import type { Window } from './analytics.repo.js';

const DEFAULT_DAYS = 30;

/**
 * The whole local days a report covers, in the admin's zone: the last `days` days up to today, or
 * `from`–`to` inclusive. Midnight to midnight there, so a search at 23:30 local counts that day.
 */
export function reportWindow(
  q: AnalyticsRangeQuery,
  zone: string,
  now: Date,
): { window: Window; range: AnalyticsRange; dates: string[] } {
  const timezone = isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  let first: DateTime;
  let last: DateTime;
  if (q.from && q.to) {
    first = DateTime.fromISO(q.from, { zone: timezone }).startOf('day');
    last = DateTime.fromISO(q.to, { zone: timezone }).startOf('day');
  } else {
    last = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
    first = last.minus({ days: Number(q.days ?? DEFAULT_DAYS) - 1 });
  }
  const dates: string[] = [];
  for (let d = first; d <= last; d = d.plus({ days: 1 })) dates.push(d.toISODate()!);
  return {
    window: { start: first.toJSDate(), end: last.plus({ days: 1 }).toJSDate(), timezone },
    range: { from: first.toISODate()!, to: last.toISODate()!, timezone },
    dates,
  };
}
