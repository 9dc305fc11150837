import { describe, expect, it } from 'vitest';
import { demandScores, isTrending } from './service-demand.js';

const c = (searches30d: number, bookings30d = 0, searches7d = 0) => ({
  searches7d,
  searches30d,
  bookings7d: 0,
  bookings30d,
});

describe('demand score', () => {
  it('weighs a booking as five searches, relative to the busiest service', () => {
    expect(demandScores([c(10, 2), c(20), c(0)])).toEqual([1, 1, 0]);
    expect(demandScores([c(40, 1), c(4, 3)])).toEqual([1, 19 / 45]);
  });

  it('is 0 for every service when nothing was searched or booked', () => {
    expect(demandScores([c(0), c(0)])).toEqual([0, 0]);
    expect(demandScores([])).toEqual([]);
  });
});

describe('trending', () => {
  it('needs last week’s daily searches at 1.5× the 23 days before’s', () => {
    // 23 searches before → 1 a day; 7 this week → 1 a day: steady.
    expect(isTrending(c(30, 0, 7))).toBe(false);
    // 11 this week → 1.57 a day ≥ 1.5.
    expect(isTrending(c(34, 0, 11))).toBe(true);
    expect(isTrending(c(5, 0, 5))).toBe(true);
  });

  it('is never set by fewer than 3 searches', () => {
    expect(isTrending(c(2, 0, 2))).toBe(false);
  });
});
