import { describe, expect, it } from 'vitest';
import type { SearchParsed } from '../../api/contracts';
import { chipsOf } from './chips';

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
  format: null,
  level: null,
  ageGroup: null,
  durationMinutes: null,
  unmatchedWords: [],
  ...p,
});

describe('interpretation chips', () => {
  it('shows one chip per understood constraint, each naming the filter its removal clears', () => {
    const chips = chipsOf(
      parsed({
        services: [{ id: 's', slug: 'piano', name: 'Piano', matchedBy: 'exact' }],
        priceMaxCents: 8000,
        date: '2026-11-25',
        dateTo: '2026-11-25',
        timeOfDay: 'evening',
        borough: 'brooklyn',
        format: 'online',
      }),
    );
    expect(chips).toEqual([
      { label: 'Piano' },
      { label: 'Under $80/h', clears: ['priceMaxCents'] },
      { label: 'Wednesday, November 25', clears: ['date'] },
      { label: 'Evening', clears: ['timeOfDay'] },
      { label: 'Brooklyn', clears: ['borough'] },
      { label: 'Online', clears: ['format'] },
    ]);
  });

  it('shows a price band, a weekend span and a neighbourhood (named from its slug) over its borough', () => {
    const labels = chipsOf(
      parsed({
        priceMinCents: 5000,
        priceMaxCents: 10000,
        date: '2026-11-28',
        dateTo: '2026-11-29',
        borough: 'brooklyn',
        neighborhood: 'park-slope',
      }),
    ).map((c) => c.label);
    expect(labels).toEqual(['$50–$100/h', 'Saturday, November 28 – Sunday, November 29', 'Park Slope']);
  });

  it('names a category from the catalog when the page has it, else shows its slug', () => {
    const music = parsed({ category: 'music' });
    expect(chipsOf(music, (slug) => (slug === 'music' ? 'Music' : slug))).toEqual([{ label: 'Music' }]);
    expect(chipsOf(music)).toEqual([{ label: 'music' }]);
  });

  it('has no chips for a query it understood nothing of', () => {
    expect(chipsOf(parsed({}))).toEqual([]);
  });
});
