import { describe, expect, it } from 'vitest';
import { cellState, keepPast, pastCellCount, quartersOf, rangesOf, setCell } from './week-cells';

describe('the availability editor day model', () => {
  it('turns ranges into quarter hours and back without losing 15-minute edges', () => {
    const ranges = [
      { start: '09:15', end: '10:45' },
      { start: '13:00', end: '14:00' },
    ];
    expect(rangesOf(quartersOf(ranges))).toEqual(ranges);
  });

  it('keeps a 15-minute edge when a different cell is toggled', () => {
    const day = setCell(quartersOf([{ start: '09:15', end: '10:45' }]), 28, true); // 14:00–14:30
    expect(rangesOf(day)).toEqual([
      { start: '09:15', end: '10:45' },
      { start: '14:00', end: '14:30' },
    ]);
  });

  it('marks a half-covered cell as part and a covered one as full', () => {
    const day = quartersOf([{ start: '09:15', end: '10:00' }]);
    expect(cellState(day, 18)).toBe('part'); // 09:00–09:30
    expect(cellState(day, 19)).toBe('full'); // 09:30–10:00
    expect(cellState(day, 20)).toBe('none');
  });

  it('merges neighbouring cells into one range and splits a range when a middle cell is cleared', () => {
    let day = quartersOf([]);
    for (const cell of [18, 19, 20]) day = setCell(day, cell, true);
    expect(rangesOf(day)).toEqual([{ start: '09:00', end: '10:30' }]);
    expect(rangesOf(setCell(day, 19, false))).toEqual([
      { start: '09:00', end: '09:30' },
      { start: '10:00', end: '10:30' },
    ]);
  });

  it('handles a range that runs to midnight', () => {
    expect(rangesOf(quartersOf([{ start: '22:00', end: '24:00' }]))).toEqual([
      { start: '22:00', end: '24:00' },
    ]);
  });
});

describe("today's past hours in the editor", () => {
  const now = { date: '2026-12-03', minutes: 14 * 60 + 10 }; // 2:10 PM

  it('counts the half hours that have begun: today up to the one in progress, earlier days whole, later none', () => {
    expect(pastCellCount('2026-12-03', now)).toBe(29); // 00:00 … 14:00–14:30
    expect(pastCellCount('2026-12-03', { date: '2026-12-03', minutes: 14 * 60 })).toBe(28);
    expect(pastCellCount('2026-12-03', { date: '2026-12-03', minutes: 0 })).toBe(0);
    expect(pastCellCount('2026-12-02', now)).toBe(48);
    expect(pastCellCount('2026-12-04', now)).toBe(0);
  });

  it('a preset replacing the day leaves the past half hours as they were', () => {
    const before = quartersOf([{ start: '09:00', end: '12:00' }]);
    const preset = quartersOf([{ start: '13:00', end: '17:00' }]);
    expect(rangesOf(keepPast(before, preset, pastCellCount('2026-12-03', now)))).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '14:30', end: '17:00' },
    ]);
  });
});
