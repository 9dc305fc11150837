/**
 * The editor's model of a day: 96 quarter hours, each free or not. The grid toggles 30-minute
 * cells (two quarters), so a range the instructor set to 15-minute precision elsewhere survives
 * an edit of other cells unchanged.
 */

export interface Range {
  start: string;
  end: string;
}

export const QUARTERS = 96;

const toQuarter = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) / 15;
const toHHMM = (q: number) =>
  `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;

export function quartersOf(ranges: Range[]): boolean[] {
  const day = Array<boolean>(QUARTERS).fill(false);
  for (const r of ranges) for (let q = toQuarter(r.start); q < toQuarter(r.end); q++) day[q] = true;
  return day;
}

export function rangesOf(day: boolean[]): Range[] {
  const out: Range[] = [];
  let start = -1;
  for (let q = 0; q <= QUARTERS; q++) {
    const free = q < QUARTERS && day[q];
    if (free && start < 0) start = q;
    if (!free && start >= 0) {
      out.push({ start: toHHMM(start), end: toHHMM(q) });
      start = -1;
    }
  }
  return out;
}

/** 'full', 'part' (one quarter of the half hour) or 'none' for the 30-minute cell at index. */
export function cellState(day: boolean[], cell: number): 'full' | 'part' | 'none' {
  const a = day[cell * 2];
  const b = day[cell * 2 + 1];
  return a && b ? 'full' : a || b ? 'part' : 'none';
}

export function setCell(day: boolean[], cell: number, free: boolean): boolean[] {
  const next = day.slice();
  next[cell * 2] = free;
  next[cell * 2 + 1] = free;
  return next;
}

/** Quarter hours a confirmed lesson occupies: those cells cannot be edited. */
export const bookedQuarters = (bookings: Range[]): boolean[] => quartersOf(bookings);

export const sameDay = (a: boolean[], b: boolean[]) => a.every((v, i) => v === b[i]);

export interface Preset {
  name: string;
  /** Ranges per weekday, Monday = 0. */
  days: Record<number, Range[]>;
}

const weekdays = (r: Range[]) => ({ 0: r, 1: r, 2: r, 3: r, 4: r });

export const PRESETS: Preset[] = [
  { name: 'Weekday business hours (9–5)', days: weekdays([{ start: '09:00', end: '17:00' }]) },
  { name: 'Weekday evenings (5–9 PM)', days: weekdays([{ start: '17:00', end: '21:00' }]) },
  { name: 'Weekday mornings (8 AM–12)', days: weekdays([{ start: '08:00', end: '12:00' }]) },
  {
    name: 'Weekends (10 AM–4 PM)',
    days: { 5: [{ start: '10:00', end: '16:00' }], 6: [{ start: '10:00', end: '16:00' }] },
  },
];

/** The instructor's wall clock: the date and minutes since midnight in their zone. */
export interface ZoneNow {
  date: string;
  minutes: number;
}

/**
 * How many of a day's 30-minute cells have begun by `now` (0 for a later day, all 48 for an
 * earlier one): their time is gone, so the grid marks them Past and does not edit them.
 */
export function pastCellCount(date: string, now: ZoneNow): number {
  if (date < now.date) return QUARTERS / 2;
  if (date > now.date) return 0;
  return Math.min(QUARTERS / 2, Math.ceil(now.minutes / 30));
}

/** `next` with the first `cells` half hours of `prev` kept as they were (a preset leaves the past alone). */
export function keepPast(prev: boolean[], next: boolean[], cells: number): boolean[] {
  return next.map((free, q) => (q < cells * 2 ? prev[q]! : free));
}
