import { describe, expect, it } from 'vitest';
import { readAreasFile } from '../../areas/areas-data.js';
import { BOROUGH_SLUGS } from '../../../../contracts/areas.generated.js';
import { applyFilters } from './apply-filters.js';
import type { ParsedQuery } from './parse-query.js';

/** Roughly "cheap beginner piano for kids around $50 in park slope tomorrow evening, 30 min, online". */
const parsed: ParsedQuery = Object.freeze({
  raw: 'piano …',
  text: 'piano',
  priceMinCents: 4000,
  priceMaxCents: 6000,
  cheap: true,
  date: '2026-11-25',
  dateTo: '2026-11-25',
  timeOfDay: 'evening',
  timeFromMinutes: 1020,
  timeToMinutes: 1320,
  borough: 'brooklyn',
  neighborhood: 'park-slope',
  nearMe: false,
  format: 'online',
  level: 'beginner',
  ageGroup: 'kids',
  durationMinutes: 30,
});

const empty: ParsedQuery = {
  ...parsed,
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
  format: null,
  level: null,
  ageGroup: null,
  durationMinutes: null,
};

describe('applyFilters', () => {
  it('without filters returns an equal copy, never the same object', () => {
    const out = applyFilters(parsed, {});
    expect(out).toEqual(parsed);
    expect(out).not.toBe(parsed);
  });

  it('leaves the text alone, so the matcher still sees the subject', () => {
    const out = applyFilters(parsed, { priceMaxCents: 'any', borough: 'any', level: 'any' });
    expect(out).toMatchObject({ raw: parsed.raw, text: 'piano' });
  });

  describe('price', () => {
    it('priceMaxCents sets the cap and replaces "cheap"', () => {
      expect(applyFilters(parsed, { priceMaxCents: 5000 })).toMatchObject({
        priceMaxCents: 5000,
        priceMinCents: 4000,
        cheap: false,
      });
      expect(applyFilters(empty, { priceMaxCents: 1_000_000 }).priceMaxCents).toBe(1_000_000);
    });

    it('priceMaxCents=any clears the cap and "cheap", keeping the floor', () => {
      expect(applyFilters(parsed, { priceMaxCents: 'any' })).toMatchObject({
        priceMaxCents: null,
        priceMinCents: 4000,
        cheap: false,
      });
    });

    it('priceMinCents sets or clears only the floor', () => {
      expect(applyFilters(parsed, { priceMinCents: 2500 })).toMatchObject({
        priceMinCents: 2500,
        priceMaxCents: 6000,
        cheap: true,
      });
      expect(applyFilters(parsed, { priceMinCents: 'any' })).toMatchObject({
        priceMinCents: null,
        priceMaxCents: 6000,
        cheap: true,
      });
    });
  });

  describe('place', () => {
    it('a borough replaces the parsed one and drops its neighbourhood', () => {
      expect(applyFilters(parsed, { borough: 'queens' })).toMatchObject({
        borough: 'queens',
        neighborhood: null,
      });
      expect(applyFilters(empty, { borough: 'staten-island' }).borough).toBe('staten-island');
    });

    it('borough=any clears borough, neighbourhood and "near me"', () => {
      expect(applyFilters({ ...parsed, nearMe: true }, { borough: 'any' })).toMatchObject({
        borough: null,
        neighborhood: null,
        nearMe: false,
      });
    });

    it('knows exactly the boroughs of data/areas.json, by slug like the parser', () => {
      const slugs = readAreasFile().data.regions.flatMap((r) => r.boroughs.map((b) => b.slug));
      expect([...BOROUGH_SLUGS].sort()).toEqual(slugs.sort());
    });
  });

  describe('when', () => {
    it('a date replaces the parsed range with that single day', () => {
      const range = { ...parsed, date: '2026-11-28', dateTo: '2026-11-29' };
      expect(applyFilters(range, { date: '2026-12-01' })).toMatchObject({
        date: '2026-12-01',
        dateTo: null,
      });
    });

    it('date=any clears the date and its range', () => {
      expect(applyFilters(parsed, { date: 'any' })).toMatchObject({ date: null, dateTo: null });
    });

    it('a time of day sets its window, replacing parsed clock times', () => {
      const after5 = { ...parsed, timeOfDay: null, timeFromMinutes: 1020, timeToMinutes: 1440 };
      expect(applyFilters(after5, { timeOfDay: 'morning' })).toMatchObject({
        timeOfDay: 'morning',
        timeFromMinutes: 360,
        timeToMinutes: 720,
      });
      expect(applyFilters(empty, { timeOfDay: 'afternoon' })).toMatchObject({
        timeOfDay: 'afternoon',
        timeFromMinutes: 720,
        timeToMinutes: 1020,
      });
    });

    it('timeOfDay=any clears the time of day and its minutes', () => {
      expect(applyFilters(parsed, { timeOfDay: 'any' })).toMatchObject({
        timeOfDay: null,
        timeFromMinutes: null,
        timeToMinutes: null,
      });
    });
  });

  describe('facets', () => {
    it.each([
      ['format', 'in_person', 'format'],
      ['level', 'advanced', 'level'],
      ['age', 'adults', 'ageGroup'],
      ['duration', 90, 'durationMinutes'],
    ] as const)('%s=%s sets %s; any clears it', (param, value, field) => {
      expect(applyFilters(parsed, { [param]: value })[field]).toBe(value);
      expect(applyFilters(empty, { [param]: value })[field]).toBe(value);
      expect(applyFilters(parsed, { [param]: 'any' })[field]).toBeNull();
    });
  });

  it('a filter touches only its own fields', () => {
    const out = applyFilters(parsed, { level: 'advanced' });
    expect(out).toEqual({ ...parsed, level: 'advanced' });
  });
});
