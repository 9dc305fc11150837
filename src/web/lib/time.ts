import { DateTime } from 'luxon';

/**
 * Time as people see it. The API speaks in instants (UTC) and in the instructor's local
 * date + time; the page always shows the viewer's zone and names it.
 */

export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const inZone = (iso: string, zone: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);

/** "Wed, Nov 25" */
export const formatDay = (iso: string, zone: string) => inZone(iso, zone).toFormat('ccc, LLL d');

/** "Nov 24, 2026" */
export const formatDate = (iso: string, zone: string) => inZone(iso, zone).toFormat('LLL d, yyyy');

/** "4:00 PM" */
export const formatTime = (iso: string, zone: string) => inZone(iso, zone).toFormat('h:mm a');

/** "Wed, Nov 25, 4:00 PM EST" */
export const formatDateTime = (iso: string, zone: string) =>
  inZone(iso, zone).toFormat('ccc, LLL d, h:mm a ZZZZ');

/** "New York time (EST)" — the zone named the way a person reads it. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  const city = zone.split('/').pop()?.replaceAll('_', ' ') ?? zone;
  const abbr = DateTime.fromJSDate(at).setZone(zone).toFormat('ZZZZ');
  return `${city} time (${abbr})`;
}

/** The instant of a local date and time in a zone, as ISO. */
export function instantOf(date: string, time: string, zone: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO()!;
}

/** The local date (YYYY-MM-DD) of an instant in a zone. */
export const localDateOf = (iso: string, zone: string) => inZone(iso, zone).toISODate()!;

export const todayIn = (zone: string) => DateTime.now().setZone(zone).toISODate()!;

export const addDays = (date: string, days: number) => DateTime.fromISO(date).plus({ days }).toISODate()!;

/** Monday of the week that holds the date. */
export const mondayOf = (date: string) => DateTime.fromISO(date).startOf('week').toISODate()!;

/** "Mon 30" */
export const shortDay = (date: string) => DateTime.fromISO(date).toFormat('ccc d');

/** "Monday, November 30" */
export const longDay = (date: string) => DateTime.fromISO(date).toFormat('cccc, LLLL d');

/** The 6×7 dates of a month view (weeks start on Monday), with the month's own dates marked. */
export function monthGrid(month: string): { date: string; inMonth: boolean }[] {
  const first = DateTime.fromISO(`${month}-01`);
  const start = first.startOf('week');
  return Array.from({ length: 42 }, (_, i) => {
    const d = start.plus({ days: i });
    return { date: d.toISODate()!, inMonth: d.month === first.month };
  });
}

export const monthLabel = (month: string) => DateTime.fromISO(`${month}-01`).toFormat('LLLL yyyy');
export const addMonths = (month: string, n: number) =>
  DateTime.fromISO(`${month}-01`).plus({ months: n }).toFormat('yyyy-LL');

/** "1 h 30 min" */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** Minutes after midnight → "5:00 PM", the clock every other time on a page uses; 1440 is midnight. */
export const clockOf = (minutes: number) =>
  DateTime.fromObject(
    { hour: Math.floor(minutes / 60) % 24, minute: minutes % 60 },
    { zone: 'utc' },
  ).toFormat('h:mm a');

/** Minutes after midnight → "HH:MM". */
export const hhmmOf = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
