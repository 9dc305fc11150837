import { describe, it, expect } from 'vitest';
import {
  computeBookableDays,
  earliestStart,
  isBookable,
  summarize,
  type BookableInput,
} from './bookable-time.js';
import { parseHHMM } from '../../../contracts/clock-time.js';
import { datesInRange, instantToLocal, localToInstant } from './local-time.js';

const NY = 'America/New_York';
const DAY = '2026-06-10'; // an ordinary Wednesday, EDT (UTC-4)

function input(overrides: Partial<BookableInput> = {}): BookableInput {
  return {
    timezone: NY,
    dates: [DAY],
    availability: { [DAY]: [{ start: '09:00', end: '12:00' }] },
    blackoutDates: new Set(),
    bookings: [],
    bufferMinutes: 0,
    minAdvanceHours: 0,
    maxDaysAhead: 365,
    now: new Date('2026-01-01T00:00:00Z'),
    durationMinutes: 60,
    ...overrides,
  };
}

const firstDay = (i: BookableInput) => computeBookableDays(i)[0]!;
const at = (date: string, hhmm: string, zone = NY) => localToInstant(date, parseHHMM(hhmm)!, zone).instant;
const lesson = (date: string, from: string, to: string) => ({
  startsAt: at(date, from),
  endsAt: at(date, to),
});
const labels = (ranges: { start: string; end: string }[]) => ranges.map((r) => `${r.start}-${r.end}`);
const quarterMarks = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = parseHHMM(from)!; m <= parseHHMM(to)!; m += 15) {
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  }
  return out;
};

describe('computeBookableDays: the basic grid', () => {
  it('offers every quarter-hour start whose whole lesson fits', () => {
    const day = firstDay(input());
    expect(labels(day.ranges)).toEqual(['09:00-12:00']);
    expect(day.startTimes).toEqual(quarterMarks('09:00', '11:00'));
    expect(day.starts[0]!.toISOString()).toBe('2026-06-10T13:00:00.000Z');
    expect(day.starts).toHaveLength(day.startTimes.length);
  });

  it('steps a 90-minute lesson every 15 minutes', () => {
    const day = firstDay(input({ durationMinutes: 90 }));
    expect(day.startTimes).toEqual(['09:00', '09:15', '09:30', '09:45', '10:00', '10:15', '10:30']);
  });

  it('offers no starts when the duration is longer than every range', () => {
    const day = firstDay(input({ durationMinutes: 240 }));
    expect(labels(day.ranges)).toEqual(['09:00-12:00']);
    expect(day.startTimes).toEqual([]);
    expect(day.starts).toEqual([]);
  });

  it('merges adjacent availability rows so a lesson may span them', () => {
    const availability = {
      [DAY]: [
        { start: '10:00', end: '11:00' },
        { start: '09:00', end: '10:00' },
      ],
    };
    const day = firstDay(input({ availability, durationMinutes: 120 }));
    expect(labels(day.ranges)).toEqual(['09:00-11:00']);
    expect(day.startTimes).toEqual(['09:00']);
  });

  it('labels a range ending at midnight "24:00" and fills it to the end', () => {
    const day = firstDay(input({ availability: { [DAY]: [{ start: '22:00', end: '24:00' }] } }));
    expect(labels(day.ranges)).toEqual(['22:00-24:00']);
    expect(day.startTimes).toEqual(quarterMarks('22:00', '23:00'));
    expect(day.ranges[0]!.endsAt.toISOString()).toBe('2026-06-11T04:00:00.000Z');
  });

  it('honours a coarser step on the matching clock marks', () => {
    const day = firstDay(input({ stepMinutes: 30 }));
    expect(day.startTimes).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
  });

  it('returns an empty day for dates without availability', () => {
    const day = firstDay(input({ dates: ['2026-06-11'] }));
    expect(day).toEqual({ date: '2026-06-11', isBlackout: false, ranges: [], startTimes: [], starts: [] });
  });

  it('marks a blackout day with no ranges and no starts', () => {
    const day = firstDay(input({ blackoutDates: new Set([DAY]) }));
    expect(day).toEqual({ date: DAY, isBlackout: true, ranges: [], startTimes: [], starts: [] });
  });

  it('rejects invalid configuration loudly', () => {
    expect(() => computeBookableDays(input({ timezone: 'Nowhere/Land' }))).toThrow(RangeError);
    expect(() => computeBookableDays(input({ durationMinutes: 0 }))).toThrow(RangeError);
    expect(() => computeBookableDays(input({ dates: ['2026-02-30'] }))).toThrow(RangeError);
  });
});

describe('computeBookableDays: bookings and buffers', () => {
  it('moves the grid around a booking widened by the buffer on both sides', () => {
    // Blocked: [09:45, 11:15). 09:00–09:45 is too short for 60 minutes.
    const day = firstDay(
      input({
        availability: { [DAY]: [{ start: '09:00', end: '13:00' }] },
        bookings: [lesson(DAY, '10:00', '11:00')],
        bufferMinutes: 15,
      }),
    );
    expect(labels(day.ranges)).toEqual(['09:00-09:45', '11:15-13:00']);
    expect(day.startTimes).toEqual(['11:15', '11:30', '11:45', '12:00']);
  });

  it('allows a lesson to end exactly where another begins when the buffer is 0', () => {
    const day = firstDay(input({ bookings: [lesson(DAY, '10:00', '11:00')] }));
    expect(day.startTimes).toEqual(['09:00', '11:00']);
  });

  it('ignores bookings on other dates', () => {
    const day = firstDay(input({ bookings: [lesson('2026-06-11', '09:00', '12:00')], bufferMinutes: 30 }));
    expect(day.startTimes).toEqual(quarterMarks('09:00', '11:00'));
  });
});

describe('computeBookableDays: notice and horizon', () => {
  const now = new Date('2026-06-10T13:10:00Z'); // 09:10 in New York

  it('cuts the start of the day by the minimum notice and starts on the next quarter mark', () => {
    const availability = {
      [DAY]: [{ start: '09:00', end: '17:00' }],
      '2026-06-11': [{ start: '09:00', end: '10:00' }],
    };
    const [today, tomorrow] = computeBookableDays(
      input({ now, minAdvanceHours: 2, availability, dates: [DAY, '2026-06-11'] }),
    );
    expect(labels(today!.ranges)).toEqual(['11:10-17:00']);
    expect(today!.startTimes[0]).toBe('11:15');
    expect(today!.startTimes.at(-1)).toBe('16:00');
    expect(tomorrow!.startTimes).toEqual(['09:00']);
  });

  it('drops a day whose bookable time is all in the past', () => {
    const day = firstDay(input({ now: new Date('2026-06-10T20:00:00Z') }));
    expect(day.ranges).toEqual([]);
    expect(day.startTimes).toEqual([]);
  });

  it('offers starts up to now + maxDaysAhead and nothing after', () => {
    const dates = ['2026-06-12', '2026-06-13'];
    const availability = Object.fromEntries(dates.map((d) => [d, [{ start: '08:00', end: '12:00' }]]));
    const [edge, beyond] = computeBookableDays(input({ now, maxDaysAhead: 2, dates, availability }));
    // Limit is 2026-06-12 09:10; a lesson starting by then may run past it.
    expect(edge!.startTimes).toEqual(['08:00', '08:15', '08:30', '08:45', '09:00']);
    expect(labels(edge!.ranges)).toEqual(['08:00-10:10']);
    expect(beyond!.startTimes).toEqual([]);
    expect(beyond!.ranges).toEqual([]);
  });
});

describe('computeBookableDays: daylight saving time', () => {
  it('counts spring-forward availability 01:00–04:00 as 120 real minutes with no 02:xx starts', () => {
    const date = '2026-03-08';
    const day = firstDay(
      input({ dates: [date], availability: { [date]: [{ start: '01:00', end: '04:00' }] } }),
    );
    expect(labels(day.ranges)).toEqual(['01:00-04:00']);
    expect(summarize(day).totalMinutes).toBe(120);
    // 01:30 EST + 60 real minutes = 03:30 EDT, still inside the range, so it is offered.
    expect(day.startTimes).toEqual(['01:00', '01:15', '01:30', '01:45', '03:00']);
    expect(day.startTimes.some((t) => t.startsWith('02:'))).toBe(false);
    expect(day.starts.map((s) => s.toISOString())).toEqual([
      '2026-03-08T06:00:00.000Z',
      '2026-03-08T06:15:00.000Z',
      '2026-03-08T06:30:00.000Z',
      '2026-03-08T06:45:00.000Z',
      '2026-03-08T07:00:00.000Z',
    ]);
  });

  it('starts a range that begins inside the spring gap at the moment the clock jumps', () => {
    const date = '2026-03-08';
    const day = firstDay(
      input({ dates: [date], availability: { [date]: [{ start: '02:30', end: '04:00' }] } }),
    );
    expect(labels(day.ranges)).toEqual(['03:00-04:00']);
    expect(day.startTimes).toEqual(['03:00']);
  });

  it('counts fall-back availability 00:00–03:00 as 240 real minutes and lists the repeated hour twice', () => {
    const date = '2026-11-01';
    const day = firstDay(
      input({ dates: [date], availability: { [date]: [{ start: '00:00', end: '03:00' }] } }),
    );
    expect(summarize(day).totalMinutes).toBe(240);
    const repeated = ['01:00', '01:15', '01:30', '01:45'];
    expect(day.startTimes).toEqual(['00:00', '00:15', '00:30', '00:45', ...repeated, ...repeated, '02:00']);
    // One start per distinct instant, 15 real minutes apart.
    const ms = day.starts.map((s) => s.getTime());
    expect(ms.slice(1).map((t, i) => t - ms[i]!)).toEqual(Array(12).fill(15 * 60_000));
    expect(day.starts.at(-1)!.toISOString()).toBe('2026-11-01T07:00:00.000Z');
  });

  it('reads an ambiguous fall-back range start as the earlier instant', () => {
    const date = '2026-11-01';
    const day = firstDay(
      input({ dates: [date], availability: { [date]: [{ start: '01:30', end: '02:00' }] } }),
    );
    // 01:30 EDT (05:30Z) → 02:00 EST (07:00Z) is 90 real minutes.
    expect(day.ranges[0]!.startsAt.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(summarize(day).totalMinutes).toBe(90);
    expect(day.starts[0]!.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('computeBookableDays: across time zones', () => {
  it('gives a London viewer the right instants for a Los Angeles instructor', () => {
    const LA = 'America/Los_Angeles';
    const date = '2026-07-15';
    const availability = {
      [date]: [
        { start: '09:00', end: '10:00' },
        { start: '20:00', end: '21:00' },
      ],
    };
    const day = firstDay(input({ timezone: LA, dates: [date], availability }));
    expect(day.startTimes).toEqual(['09:00', '20:00']);
    expect(day.starts.map((s) => s.toISOString())).toEqual([
      '2026-07-15T16:00:00.000Z',
      '2026-07-16T03:00:00.000Z',
    ]);
    const london = day.starts.map((s) => instantToLocal(s, 'Europe/London'));
    expect(london).toEqual([
      { date: '2026-07-15', time: '17:00', minutes: 1020 },
      { date: '2026-07-16', time: '04:00', minutes: 240 },
    ]);
  });
});

describe('isBookable', () => {
  const now = new Date('2026-06-10T12:00:00Z'); // 08:00 in New York
  const rules = {
    ...input({ now, minAdvanceHours: 1, maxDaysAhead: 30, bufferMinutes: 15 }),
    availability: {
      [DAY]: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      '2026-06-11': [{ start: '09:00', end: '12:00' }],
    },
    blackoutDates: new Set(['2026-06-11']),
    bookings: [lesson(DAY, '14:00', '15:00')],
  };
  const check = (date: string, hhmm: string, minutes = 60) => isBookable(rules, at(date, hhmm), minutes);
  const reject = (reason: string) => ({ ok: false, reason });

  it('accepts a lesson on the grid inside availability and clear of bookings', () => {
    expect(check(DAY, '09:00')).toEqual({ ok: true });
    expect(check(DAY, '15:15')).toEqual({ ok: true });
  });

  it('names each failure precisely', () => {
    expect(isBookable(rules, new Date('2026-06-10T11:00:00Z'), 60)).toEqual(reject('IN_PAST'));
    expect(isBookable(rules, new Date('2026-06-10T12:45:00Z'), 60)).toEqual(reject('MIN_NOTICE'));
    expect(check('2026-07-13', '09:00')).toEqual(reject('TOO_FAR_AHEAD'));
    expect(check('2026-06-11', '09:00')).toEqual(reject('BLACKOUT'));
    expect(check(DAY, '09:10')).toEqual(reject('NOT_ON_GRID'));
    expect(isBookable(rules, new Date(at(DAY, '09:00').getTime() + 30_000), 60)).toEqual(
      reject('NOT_ON_GRID'),
    );
    expect(check(DAY, '11:30')).toEqual(reject('OUTSIDE_AVAILABILITY'));
    expect(check(DAY, '12:00')).toEqual(reject('OUTSIDE_AVAILABILITY'));
    expect(check(DAY, '13:00')).toEqual(reject('BOOKING_CONFLICT')); // ends inside the 15-min buffer before 14:00
    expect(check(DAY, '15:00')).toEqual(reject('BOOKING_CONFLICT'));
  });

  it('checks in the documented order when several rules fail', () => {
    expect(isBookable(rules, new Date('2026-06-10T11:07:00Z'), 60)).toEqual(reject('IN_PAST'));
    expect(check('2026-06-11', '09:10')).toEqual(reject('BLACKOUT'));
    expect(check(DAY, '12:10')).toEqual(reject('NOT_ON_GRID'));
  });

  it('agrees with computeBookableDays on every quarter-hour of ordinary and DST days', () => {
    for (const date of ['2026-03-08', DAY, '2026-11-01']) {
      const base = input({
        dates: [date],
        availability: {
          [date]: [
            { start: '00:30', end: '04:00' },
            { start: '09:00', end: '13:00' },
          ],
        },
        bookings: [lesson(date, '10:00', '11:00'), lesson(date, '01:45', '02:15')],
        bufferMinutes: 15,
        minAdvanceHours: 0,
        now: new Date(`${date}T00:00:00Z`),
        durationMinutes: 45,
      });
      const offered = new Set(firstDay(base).starts.map((s) => s.getTime()));
      const first = at(date, '00:00').getTime();
      const last = at(date, '24:00').getTime();
      for (let t = first; t < last; t += 15 * 60_000) {
        expect(isBookable(base, new Date(t), 45).ok, `${date} ${new Date(t).toISOString()}`).toBe(
          offered.has(t),
        );
      }
    }
  });
});

describe('earliestStart and summarize', () => {
  it('finds the first offered start across days and is null when there is none', () => {
    const dates = datesInRange('2026-06-10', '2026-06-12');
    const availability = {
      '2026-06-11': [{ start: '15:00', end: '16:00' }],
      '2026-06-12': [{ start: '08:00', end: '09:00' }],
    };
    const days = computeBookableDays(input({ dates, availability }));
    expect(earliestStart(days)).toEqual({
      date: '2026-06-11',
      time: '15:00',
      startsAt: at('2026-06-11', '15:00'),
    });
    expect(earliestStart([])).toBeNull();
  });

  it('flags parts of the day by where a lesson starts and totals the bookable minutes', () => {
    const availability = {
      [DAY]: [
        { start: '11:00', end: '12:30' },
        { start: '21:30', end: '23:00' },
      ],
    };
    const day = firstDay(input({ availability }));
    // 11:00–12:30 offers 11:00..11:30 (all morning); 21:30 starts in the evening window.
    expect(summarize(day)).toEqual({ morning: true, afternoon: false, evening: true, totalMinutes: 180 });
  });

  it('reports nothing for a blackout day', () => {
    const day = firstDay(input({ blackoutDates: new Set([DAY]) }));
    expect(summarize(day)).toEqual({ morning: false, afternoon: false, evening: false, totalMinutes: 0 });
  });
});
