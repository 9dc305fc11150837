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

describe('the demand term', () => {
  it('puts a service in demand ahead among equally relevant ones, before availability', () => {
    const list = [
      r('a', { relevance: 0.5, nextAvailableAt: 1 }),
      r('b', { relevance: 0.5, demand: 1, nextAvailableAt: 9 }),
    ];
    expect(list.sort(compareResults()).map((x) => x.id)).toEqual(['b', 'a']);
  });

  it('lifts a weaker match by at most one relevance step', () => {
    // Alias (0.95) at full demand ties an exact match; then the sooner wins.
    const tie = [
      r('exact', { relevance: 1, nextAvailableAt: 9 }),
      r('alias', { relevance: 0.95, demand: 1, nextAvailableAt: 1 }),
    ];
    expect(tie.sort(compareResults()).map((x) => x.id)).toEqual(['alias', 'exact']);
    const fuzzy = [
      r('exact', { relevance: 1, nextAvailableAt: 9 }),
      r('fuzzy', { relevance: 0.85, demand: 1, nextAvailableAt: 1 }),
    ];
    expect(fuzzy.sort(compareResults()).map((x) => x.id)).toEqual(['exact', 'fuzzy']);
  });
});
