import { describe, expect, it } from 'vitest';
import { cellState, quartersOf, rangesOf, setCell } from './week-cells';

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
