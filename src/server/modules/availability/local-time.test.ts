import { describe, it, expect } from 'vitest';
import {
  addDays,
  datesInRange,
  dayOfWeek,
  formatHHMM,
  instantToLocal,
  isQuarterAligned,
  isValidDate,
  isValidZone,
  localToInstant,
  weekStart,
} from './local-time.js';
import { parseHHMM } from '../../../contracts/clock-time.js';

const NY = 'America/New_York';

describe('isQuarterAligned', () => {
  it('accepts quarter-hour marks only', () => {
    expect([0, 15, 570, 1440].every(isQuarterAligned)).toBe(true);
    expect([1, 10, 599, 7.5].some(isQuarterAligned)).toBe(false);
  });
});

describe('formatHHMM', () => {
  it('pads hours and minutes and round-trips with parseHHMM', () => {
    expect(formatHHMM(0)).toBe('00:00');
    expect(formatHHMM(570)).toBe('09:30');
    expect(formatHHMM(1440)).toBe('24:00');
    expect(parseHHMM(formatHHMM(1005))).toBe(1005);
  });

  it('throws outside 0..1440', () => {
    expect(() => formatHHMM(-1)).toThrow(RangeError);
    expect(() => formatHHMM(1441)).toThrow(RangeError);
    expect(() => formatHHMM(1.5)).toThrow(RangeError);
  });
});

describe('localToInstant', () => {
  it('converts an ordinary wall time', () => {
    const r = localToInstant('2026-06-10', 9 * 60, NY);
    expect(r).toEqual({ instant: new Date('2026-06-10T13:00:00Z'), exists: true, ambiguous: false });
  });

  it('treats 24:00 as the next day at 00:00', () => {
    expect(localToInstant('2026-06-10', 1440, NY).instant).toEqual(
      localToInstant('2026-06-11', 0, NY).instant,
    );
  });

  it('flags a time inside the spring-forward gap and maps it to the jump instant', () => {
    const r = localToInstant('2026-03-08', 2 * 60 + 30, NY);
    expect(r.exists).toBe(false);
    expect(r.ambiguous).toBe(false);
    // 02:00 EST jumps to 03:00 EDT at 07:00Z.
    expect(r.instant.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('converts times either side of the spring-forward gap with the right offset', () => {
    expect(localToInstant('2026-03-08', 60, NY).instant.toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect(localToInstant('2026-03-08', 180, NY).instant.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('picks the earlier instant for a fall-back time that happens twice', () => {
    const r = localToInstant('2026-11-01', 90, NY);
    expect(r.exists).toBe(true);
    expect(r.ambiguous).toBe(true);
    // 01:30 EDT (UTC-4), not 01:30 EST (06:30Z).
    expect(r.instant.toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('works for zones with non-hour offsets', () => {
    expect(localToInstant('2026-06-10', 600, 'Asia/Kathmandu').instant.toISOString()).toBe(
      '2026-06-10T04:15:00.000Z',
    );
  });

  it('throws on an unknown zone', () => {
    expect(() => localToInstant('2026-06-10', 0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('instantToLocal', () => {
  it('gives the local date and time in the zone', () => {
    expect(instantToLocal(new Date('2026-07-16T03:15:00Z'), 'America/Los_Angeles')).toEqual({
      date: '2026-07-15',
      time: '20:15',
      minutes: 1215,
    });
  });

  it('labels both occurrences of a repeated fall-back hour the same', () => {
    expect(instantToLocal(new Date('2026-11-01T05:30:00Z'), NY).time).toBe('01:30');
    expect(instantToLocal(new Date('2026-11-01T06:30:00Z'), NY).time).toBe('01:30');
  });
});

describe('isValidZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidZone('Europe/London')).toBe(true);
    expect(isValidZone('UTC')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(isValidZone('')).toBe(false);
  });
});

describe('calendar helpers', () => {
  it('validates real calendar dates', () => {
    expect(isValidDate('2028-02-29')).toBe(true);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-01')).toBe(false);
  });

  it('lists dates inclusively, across month ends', () => {
    expect(datesInRange('2026-01-30', '2026-02-02')).toEqual([
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-02-02',
    ]);
    expect(datesInRange('2026-01-05', '2026-01-05')).toEqual(['2026-01-05']);
    expect(datesInRange('2026-01-05', '2026-01-04')).toEqual([]);
  });

  it('lists every calendar date across a DST change', () => {
    expect(datesInRange('2026-03-07', '2026-03-09')).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
  });

  it('adds days forwards and backwards across years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('numbers weekdays Monday=1 to Sunday=7', () => {
    expect(dayOfWeek('2026-06-08')).toBe(1);
    expect(dayOfWeek('2026-06-14')).toBe(7);
  });

  it('finds the Monday that starts the week', () => {
    expect(weekStart('2026-06-10')).toBe('2026-06-08');
    expect(weekStart('2026-06-08')).toBe('2026-06-08');
    expect(weekStart('2026-06-14')).toBe('2026-06-08');
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
  });

  it('throws on malformed dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
