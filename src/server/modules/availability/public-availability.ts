import type { BookableDay } from './bookable-time.js';
import { earliestStart, summarize } from './bookable-time.js';
import { addDays, datesInRange } from './local-time.js';

export const DEFAULT_SPAN_DAYS = 30;
export const MAX_SPAN_DAYS = 90;

/** start defaults to the instructor's today, end to start + 29 days; at most 90 days. */
export function resolveRange(
  today: string,
  start?: string,
  end?: string,
): { dates: string[] } | { error: string } {
  const from = start ?? today;
  const to = end ?? addDays(from, DEFAULT_SPAN_DAYS - 1);
  if (to < from) return { error: 'end is before start.' };
  const dates = datesInRange(from, to);
  if (dates.length > MAX_SPAN_DAYS) return { error: `Ask for at most ${MAX_SPAN_DAYS} days.` };
  return { dates };
}

/** The three detail levels of PRODUCT §4, without the engine's internal instants. */
export function shapeAvailability(
  detail: 'full' | 'summary' | 'minimal',
  base: { instructorId: string; timezone: string; duration: number },
  days: BookableDay[],
) {
  const first = earliestStart(days);
  if (detail === 'minimal') {
    return {
      instructorId: base.instructorId,
      timezone: base.timezone,
      hasAvailability: !!first,
      earliestAvailableDate: first?.date ?? null,
    };
  }
  if (detail === 'summary') {
    return {
      ...base,
      earliestAvailableDate: first?.date ?? null,
      days: days.map((d) => {
        const s = summarize(d);
        return {
          date: d.date,
          isBlackout: d.isBlackout,
          morning: s.morning,
          afternoon: s.afternoon,
          evening: s.evening,
          totalHours: Math.round((s.totalMinutes / 60) * 100) / 100,
        };
      }),
    };
  }
  return {
    ...base,
    earliestAvailableDate: first?.date ?? null,
    earliestAvailableAt: first?.startsAt.toISOString() ?? null,
    days: days.map((d) => ({
      date: d.date,
      isBlackout: d.isBlackout,
      ranges: d.ranges.map((r) => ({ start: r.start, end: r.end })),
      startTimes: d.startTimes,
    })),
  };
}
