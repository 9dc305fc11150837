import { describe, expect, it } from 'vitest';
import type { SearchParsed } from '../../api/contracts';
import { correctedQuery, relaxedFilters, relaxedHeadline } from './relaxed';

const parsed = (p: Partial<SearchParsed>): SearchParsed => ({
  services: [],
  category: null,
  priceMinCents: null,
  priceMaxCents: null,
  cheap: false,
  date: null,
  dateTo: null,
  timeOfDay: null,
  timeFromMinutes: null,
  timeToMinutes: null,
  borough: null,
  neighborhood: null,
  nearMe: false,
  boroughSource: null,
  locationUnknown: false,
  format: null,
  level: null,
  ageGroup: null,
  durationMinutes: null,
  unmatchedWords: [],
  ...p,
});
const piano = parsed({ services: [{ id: '1', slug: 'piano', name: 'Piano', matchedBy: 'exact' }] });

describe('relaxed results headline', () => {
  it('says what nothing matched, then what is shown instead', () => {
    expect(
      relaxedHeadline(piano, [
        { kind: 'place', from: 'Staten Island', to: '6 in Brooklyn, 3 online' },
        { kind: 'date', from: 'Fri 4 Dec', to: 'Fri 4 Dec – Thu 17 Dec' },
      ]),
    ).toBe(
      'No Piano teachers in Staten Island, on Fri 4 Dec — showing 6 in Brooklyn, 3 online, Fri 4 Dec – Thu 17 Dec',
    );
  });

  it('names the asked service of a service step, not the one shown', () => {
    const kids = parsed({
      services: [{ id: '2', slug: 'kids-piano', name: 'Kids Piano', matchedBy: 'exact' }],
    });
    expect(
      relaxedHeadline(kids, [{ kind: 'service', from: 'Kids Piano', to: 'Piano, taught to kids' }]),
    ).toBe('No Kids Piano teachers — showing Piano, taught to kids');
  });
});

describe('relaxed chips', () => {
  it('make a relaxed step an explicit filter; a service step is no filter', () => {
    expect(relaxedFilters({ kind: 'price', from: 'under $21/h', to: 'any price' })).toEqual({
      priceMaxCents: 'any',
      priceMinCents: 'any',
    });
    expect(relaxedFilters({ kind: 'place', from: 'Queens', to: 'x' })).toEqual({ borough: 'any' });
    expect(relaxedFilters({ kind: 'service', from: 'A', to: 'B' })).toBeNull();
  });
});

describe('did you mean', () => {
  it('replaces each unrecognised word by its suggestion, whole words only', () => {
    expect(correctedQuery('yga in brooklyn', [{ word: 'yga', suggestion: 'yoga' }])).toBe('yoga in brooklyn');
    expect(correctedQuery('ygas yga', [{ word: 'yga', suggestion: 'yoga' }])).toBe('ygas yoga');
  });
});
