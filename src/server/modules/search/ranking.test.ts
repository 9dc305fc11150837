import { describe, expect, it } from 'vitest';
import type { Rankable } from './ranking.js';
import { compareResults, lowerQuartile } from './ranking.js';

const r = (id: string, o: Partial<Rankable> = {}): Rankable => ({
  id,
  relevance: 1,
  nextAvailableAt: null,
  rating: null,
  demand: 0,
  hourlyRateCents: 5000,
  ...o,
});

describe('result ranking', () => {
  it('puts more relevant offerings first, then the soonest available', () => {
    const list = [
      r('a', { relevance: 0.8, nextAvailableAt: 1 }),
      r('b', { nextAvailableAt: 50 }),
      r('c', { nextAvailableAt: 10 }),
    ];
    expect(list.sort(compareResults()).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('ranks offerings with no availability after those with some', () => {
    const list = [r('a'), r('b', { nextAvailableAt: 99 })];
    expect(list.sort(compareResults()).map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('breaks full ties deterministically by id', () => {
    const list = [r('z'), r('m'), r('a')];
    expect(list.sort(compareResults()).map((x) => x.id)).toEqual(['a', 'm', 'z']);
  });

  it('can sort by price or rating first', () => {
    const list = [r('a', { hourlyRateCents: 9000 }), r('b', { hourlyRateCents: 3000, relevance: 0.5 })];
    expect(list.sort(compareResults('price')).map((x) => x.id)).toEqual(['b', 'a']);
  });
});

describe('cheap threshold', () => {
  it('is the lower quartile of the rates', () => {
    expect(lowerQuartile([1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000])).toBe(2000);
    expect(lowerQuartile([4000])).toBe(4000);
    expect(lowerQuartile([])).toBeNull();
  });
});
