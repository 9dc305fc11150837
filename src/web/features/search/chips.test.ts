import { describe, expect, it } from 'vitest';
import type { SearchParsed } from '../../api/contracts';
import { appliedChips, chipsOf, withoutService } from './chips';

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
      { label: 'Piano', dropsService: 'piano' },
      { label: 'Under $80/h', clears: ['priceMaxCents'] },
      { label: 'Wednesday, November 25', clears: ['date'] },
      { label: 'Evening', clears: ['timeOfDay'] },
      { label: 'Brooklyn', clears: ['borough'] },
      { label: 'Online', clears: ['format'] },
    ]);
  });

  it('says a borough from the searcher’s location is near them, and a named one plainly', () => {
    const near = chipsOf(parsed({ borough: 'brooklyn', nearMe: true, boroughSource: 'near_me' }));
    expect(near).toEqual([{ label: 'Near you: Brooklyn', clears: ['borough'] }]);
    const named = chipsOf(parsed({ borough: 'brooklyn', boroughSource: 'named' }));
    expect(named).toEqual([{ label: 'Brooklyn', clears: ['borough'] }]);
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

  it('names a category from the catalog when the page has it, else in words, never as a slug', () => {
    const fitness = parsed({ category: 'sports-fitness' });
    const names = (slug: string) => (slug === 'sports-fitness' ? 'Sports & Fitness' : slug);
    expect(chipsOf(fitness, names)).toEqual([{ label: 'Sports & Fitness' }]);
    expect(chipsOf(fitness)).toEqual([{ label: 'Sports fitness' }]);
    expect(chipsOf(parsed({ category: 'music' }))).toEqual([{ label: 'Music' }]);
  });

  it('shows asked hours on the 12-hour clock the rest of the page uses', () => {
    const label = (timeFromMinutes: number, timeToMinutes: number) =>
      chipsOf(parsed({ timeFromMinutes, timeToMinutes }))[0]!.label;
    expect(label(1020, 1440)).toBe('After 5:00 PM');
    expect(label(0, 540)).toBe('Before 9:00 AM');
    expect(label(900, 915)).toBe('At 3:00 PM');
    expect(label(720, 735)).toBe('At 12:00 PM');
    expect(label(840, 960)).toBe('2:00 PM–4:00 PM');
    for (const c of [label(1020, 1440), label(900, 915), label(840, 960)])
      expect(c).not.toMatch(/1[3-9]:|2[0-4]:/);
  });

  it('lets a service chip be removed, keeping the other services and what the text said as filters', () => {
    const piano = { id: 'p', slug: 'piano', name: 'Piano', matchedBy: 'exact' as const };
    const guitar = { id: 'g', slug: 'guitar', name: 'Guitar', matchedBy: 'exact' as const };
    const both = parsed({
      services: [piano, guitar],
      priceMaxCents: 6000,
      borough: 'queens',
      date: '2026-12-05',
    });
    expect(withoutService(both, 'guitar')).toEqual({
      q: 'Piano',
      priceMaxCents: '6000',
      borough: 'queens',
      date: '2026-12-05',
    });
    expect(withoutService(parsed({ services: [piano], format: 'online' }), 'piano')).toEqual({
      q: 'lessons',
      format: 'online',
    });
  });

  it('has no chips for a query it understood nothing of', () => {
    expect(chipsOf(parsed({}))).toEqual([]);
  });
});

describe('chips show what the results apply', () => {
  it('marks what a relaxed search let go of, and nothing else', () => {
    const chips = chipsOf(parsed({ borough: 'brooklyn', format: 'online', priceMaxCents: 5000 }));
    expect(appliedChips(chips, [])).toBe(chips);
    expect(appliedChips(chips, ['place'])).toEqual([
      { label: 'Under $50/h', clears: ['priceMaxCents'] },
      { label: 'Brooklyn', clears: ['borough'], relaxed: true },
      { label: 'Online', clears: ['format'] },
    ]);
  });
});
