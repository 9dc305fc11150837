import { DateTime } from 'luxon';
import type { TimeOfDay } from '../../../../contracts/lesson-vocabulary.js';
import type { Spans } from './text-spans.js';

export interface WhenConstraint {
  date: string | null;
  dateTo: string | null;
  timeOfDay: TimeOfDay | null;
  timeFromMinutes: number | null;
  timeToMinutes: number | null;
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_RE = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
export const WINDOWS = {
  morning: [360, 720],
  afternoon: [720, 1020],
  evening: [1020, 1320],
} as const satisfies Record<TimeOfDay, readonly [number, number]>;

/**
 * Dates resolve in the searcher's zone (ARCHITECTURE §6): "this weekend" on Sat/Sun is today to
 * Sunday; "this week" today to Sunday; "next week" next Monday to Sunday; a weekday is its next
 * occurrence (today included), "next friday" the one in next week; a date without a year is its
 * next occurrence. Full weekday names only: "sat" in "sat prep" is a test, not Saturday.
 */
export function takeWhen(s: Spans, now: Date, zone: string): WhenConstraint {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const w: WhenConstraint = {
    date: null,
    dateTo: null,
    timeOfDay: null,
    timeFromMinutes: null,
    timeToMinutes: null,
  };
  const set = (from: DateTime, to: DateTime = from) => {
    if (w.date) return false;
    w.date = from.toISODate();
    w.dateTo = to.toISODate();
  };
  const window = (name: keyof typeof WINDOWS) => {
    if (w.timeOfDay || w.timeFromMinutes !== null) return false;
    w.timeOfDay = name;
    [w.timeFromMinutes, w.timeToMinutes] = WINDOWS[name];
  };
  const saturday = today.plus({ days: (6 - today.weekday + 7) % 7 });
  const thisWeekendStart = today.weekday >= 6 ? today : saturday;
  const sunday = today.plus({ days: 7 - today.weekday });

  s.take(/\bday after tomorrow\b/, () => set(today.plus({ days: 2 })));
  s.take(/\b(?:tomorrow|tmrw|tmr|tomorow)\b/, () => set(today.plus({ days: 1 })));
  s.take(/\btonight\b/, () => {
    set(today);
    window('evening');
  });
  s.take(/\btoday\b/, () => set(today));
  s.take(/\bnext weekend\b/, () => set(sunday.plus({ days: 6 }), sunday.plus({ days: 7 })));
  s.take(/\b(?:this |on the |over the |the )?weekend\b/, () => set(thisWeekendStart, sunday));
  s.take(/\bnext week\b/, () => set(sunday.plus({ days: 1 }), sunday.plus({ days: 7 })));
  s.take(/\b(?:this|later this) week\b/, () => set(today, sunday));
  s.take(new RegExp(String.raw`\b(?:(this|next|on)\s+)?(${WEEKDAYS.join('|')})s?\b`), (m) => {
    const target = WEEKDAYS.indexOf(m[2]!) + 1;
    const ahead = (target - today.weekday + 7) % 7;
    const day = m[1] === 'next' ? sunday.plus({ days: target }) : today.plus({ days: ahead });
    return set(day);
  });
  const explicit = (month: number, day: number, year?: number) => {
    let d = DateTime.fromObject({ year: year ?? today.year, month, day }, { zone });
    if (!d.isValid) return false;
    if (!year && d < today) d = d.plus({ years: 1 });
    return set(d);
  };
  s.take(/\b(\d{4})-(\d{2})-(\d{2})\b/, (m) => explicit(Number(m[2]), Number(m[3]), Number(m[1])));
  s.take(/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/, (m) => {
    const y = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined;
    return explicit(Number(m[1]), Number(m[2]), y);
  });
  s.take(
    new RegExp(String.raw`\b(?:on\s+)?${MONTH_RE}\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`),
    (m) => explicit(MONTHS.indexOf(m[1]!.slice(0, 3)) + 1, Number(m[2]), m[3] ? Number(m[3]) : undefined),
  );
  s.take(
    new RegExp(String.raw`\b(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH_RE}\b`),
    (m) => explicit(MONTHS.indexOf(m[2]!.slice(0, 3)) + 1, Number(m[1])),
  );

  takeTimes(s, w, window);
  return w;
}

/** A clock time in minutes: "3" → 15:00 (1–7 without am/pm mean pm), "9" → 09:00, "7:30pm" → 19:30. */
export function clockMinutes(h: string, m: string | undefined, ampm: string | undefined): number | null {
  let hour = Number(h);
  const min = m ? Number(m) : 0;
  if (hour > 23 || min > 59) return null;
  if (ampm === 'pm' && hour < 12) hour += 12;
  else if (ampm === 'am' && hour === 12) hour = 0;
  else if (!ampm && hour >= 1 && hour <= 7) hour += 12;
  return hour * 60 + min;
}

function takeTimes(s: Spans, w: WhenConstraint, window: (n: keyof typeof WINDOWS) => false | void) {
  const T = String.raw`(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?`;
  const ap = (x?: string) => x?.replace(/\./g, '');
  // "from 3 to 5 pm", "between 9 and 11am": the first time takes the second's am/pm when it has none
  // and that keeps the range in order ("from 10 to 2pm" is 10am to 2pm).
  s.take(new RegExp(String.raw`\b(?:from|between)\s+${T}\s*(?:to|and|-|until|till)\s*${T}`), (m) => {
    let hi = clockMinutes(m[4]!, m[5], ap(m[6]));
    if (hi === null || w.timeFromMinutes !== null) return false;
    const shared = m[3] ? null : clockMinutes(m[1]!, m[2], ap(m[6]));
    const lo = shared !== null && shared < hi ? shared : clockMinutes(m[1]!, m[2], ap(m[3]));
    // Bare hours read forward: "from 7 to 9" is 7pm to 9pm.
    if (lo !== null && lo >= hi && !m[6] && hi < 720) hi += 720;
    if (lo === null || lo >= hi) return false;
    [w.timeFromMinutes, w.timeToMinutes] = [lo, hi];
  });
  s.take(new RegExp(String.raw`\bafter\s+${T}`), (m) => {
    const t = clockMinutes(m[1]!, m[2], ap(m[3]));
    if (t === null || w.timeFromMinutes !== null) return false;
    [w.timeFromMinutes, w.timeToMinutes] = [t, 1440];
  });
  s.take(new RegExp(String.raw`\bbefore\s+${T}`), (m) => {
    const t = clockMinutes(m[1]!, m[2], ap(m[3]));
    if (t === null || w.timeToMinutes !== null) return false;
    [w.timeFromMinutes, w.timeToMinutes] = [0, t];
  });
  const at = (m: RegExpExecArray) => {
    const t = clockMinutes(m[1]!, m[2], ap(m[3]));
    if (t === null || w.timeFromMinutes !== null) return false;
    [w.timeFromMinutes, w.timeToMinutes] = [t, t + 15];
  };
  s.take(new RegExp(String.raw`\bat\s+${T}(?![\d$])`), at);
  s.take(new RegExp(String.raw`\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)`), at);
  s.take(/\bat noon\b|\bnoon\b/, () => {
    if (w.timeFromMinutes !== null) return false;
    [w.timeFromMinutes, w.timeToMinutes] = [720, 735];
  });
  s.take(/\b(?:in the |this )?mornings?\b/, () => window('morning'));
  s.take(/\b(?:in the |this )?afternoons?\b|\bafter school\b/, () => window('afternoon'));
  s.take(/\b(?:in the |this )?(?:evenings?|nights?|after work)\b/, () => window('evening'));
}
