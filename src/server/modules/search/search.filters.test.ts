import { describe, expect, it } from 'vitest';
import { searchOk, searchUrl, useSearchTestApp } from './search.test-helpers.js';
import { localDate } from '../../testing/fixtures.js';
import { instantToLocal } from '../availability/local-time.js';

const app = useSearchTestApp({ demo: true });
const { clock } = app;

interface Result {
  service: { name: string; slug: string };
  hourlyRateCents: number;
  nextAvailableAt: string | null;
  durations: number[];
  locationTypes: string[];
  levels: string[];
  ageGroups: string[];
  instructor: { id: string; areas: { boroughSlug: string }[] };
}
interface Body {
  results: Result[];
  total: number;
  parsed: Record<string, unknown>;
}
const get = (q: string, filters: Record<string, string | number> = {}) =>
  app.t.request({ method: 'GET', url: searchUrl(q, filters) });
const search = (q: string, filters: Record<string, string | number> = {}) =>
  searchOk<Body>(app.t, q, filters);
const NY = 'America/New_York';
const localMinutes = (iso: string) => {
  const [h, m] = instantToLocal(new Date(iso), NY).time.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

describe('price overrides', () => {
  it('piano + priceMaxCents=5000: only Piano at or under $50', async () => {
    const all = await search('piano');
    const { results, parsed, total } = await search('piano', { priceMaxCents: 5000 });
    expect(results.length).toBeGreaterThan(0);
    // Same text, different filter: the cached ranking of plain "piano" is not reused.
    expect(total).toBeLessThan(all.total);
    for (const r of results) {
      expect(r.service.name).toMatch(/piano|keyboard/i);
      expect(r.hourlyRateCents).toBeLessThanOrEqual(5000);
    }
    expect(parsed.priceMaxCents).toBe(5000);
  });

  it('piano under $80 + priceMaxCents=any: the cap is gone from the results and from parsed', async () => {
    const capped = await search('piano under $80');
    const open = await search('piano under $80', { priceMaxCents: 'any' });
    expect(open.total).toBeGreaterThan(capped.total);
    expect(open.results.some((r) => r.hourlyRateCents > 8000)).toBe(true);
    expect(open.parsed.priceMaxCents).toBeNull();
    expect(open.parsed.cheap).toBe(false);
  });

  it('cheap + priceMaxCents=any drops the derived cap too', async () => {
    const cheap = await search('cheap piano');
    const open = await search('cheap piano', { priceMaxCents: 'any' });
    expect(open.total).toBeGreaterThan(cheap.total);
    expect(open.parsed).toMatchObject({ cheap: false, priceMaxCents: null });
  });

  it('priceMinCents sets a floor', async () => {
    const { results, parsed } = await search('piano', { priceMinCents: 7000 });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.hourlyRateCents).toBeGreaterThanOrEqual(7000);
    expect(parsed.priceMinCents).toBe(7000);
  });
});

describe('place overrides', () => {
  it('borough=brooklyn: only instructors serving Brooklyn, parsed by slug', async () => {
    const { results, parsed } = await search('piano', { borough: 'brooklyn' });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.instructor.areas.map((a) => a.boroughSlug)).toContain('brooklyn');
    expect(parsed).toMatchObject({ borough: 'brooklyn', neighborhood: null });
  });

  it('replaces a borough or neighbourhood named in the text', async () => {
    const { parsed } = await search('piano in park slope', { borough: 'queens' });
    expect(parsed).toMatchObject({ borough: 'queens', neighborhood: null });
  });

  it('borough=any clears the parsed place', async () => {
    const there = await search('piano in brooklyn');
    const anywhere = await search('piano in brooklyn', { borough: 'any' });
    expect(anywhere.parsed).toMatchObject({ borough: null, neighborhood: null });
    expect(anywhere.total).toBeGreaterThanOrEqual(there.total);
    expect(anywhere.total).toBe((await search('piano')).total);
  });
});

describe('each added filter narrows', () => {
  it('music lessons under $50, price removed, Brooklyn, then Online: never more results, all applied', async () => {
    const q = 'music lessons under $50';
    const noPrice = await search(q, { priceMaxCents: 'any' });
    const brooklyn = await search(q, { priceMaxCents: 'any', borough: 'brooklyn' });
    const online = await search(q, { priceMaxCents: 'any', borough: 'brooklyn', format: 'online' });
    expect(brooklyn.total).toBeGreaterThan(0);
    expect(brooklyn.total).toBeLessThanOrEqual(noPrice.total);
    expect(online.total).toBeLessThanOrEqual(brooklyn.total);
    expect(online.total).toBeGreaterThan(0);
    expect(online.parsed).toMatchObject({ borough: 'brooklyn', format: 'online', priceMaxCents: null });
    for (const r of online.results) {
      expect(r.instructor.areas.map((a) => a.boroughSlug)).toContain('brooklyn');
      expect(r.locationTypes).toContain('online');
    }
  });
});

describe('time overrides', () => {
  it('timeOfDay=any clears the parsed evening', async () => {
    const evening = await search('music in the evening');
    expect(evening.parsed.timeOfDay).toBe('evening');
    const any = await search('music in the evening', { timeOfDay: 'any' });
    expect(any.parsed).toMatchObject({ timeOfDay: null, timeFromMinutes: null, timeToMinutes: null });
    expect(any.total).toBeGreaterThanOrEqual(evening.total);
    expect(any.total).toBe((await search('music')).total);
  });

  it('timeOfDay=morning replaces the parsed evening: every result is free in the morning', async () => {
    // The demo piano teachers teach afternoons only; the music category has morning slots.
    const { results, parsed } = await search('music in the evening', { timeOfDay: 'morning' });
    expect(parsed).toMatchObject({ timeOfDay: 'morning', timeFromMinutes: 360, timeToMinutes: 720 });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      const m = localMinutes(r.nextAvailableAt!);
      expect(m).toBeGreaterThanOrEqual(360);
      expect(m).toBeLessThan(720);
    }
  });

  it('date sets a single day; any clears the parsed weekend', async () => {
    const day = localDate(clock.now(), 2);
    const { results, parsed } = await search('piano this weekend', { date: day });
    expect(parsed).toMatchObject({ date: day, dateTo: null });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(instantToLocal(new Date(r.nextAvailableAt!), NY).date).toBe(day);
    const any = await search('piano this weekend', { date: 'any' });
    expect(any.parsed).toMatchObject({ date: null, dateTo: null });
  });
});

describe('facet overrides', () => {
  it('format, level, age and duration each narrow the results and show in parsed', async () => {
    const cases = [
      ['format', 'online', 'format', (r: Result) => r.locationTypes.includes('online')],
      ['level', 'advanced', 'level', (r: Result) => r.levels.includes('advanced')],
      ['age', 'kids', 'ageGroup', (r: Result) => r.ageGroups.includes('kids')],
      ['duration', 90, 'durationMinutes', (r: Result) => r.durations.includes(90)],
    ] as const;
    for (const [param, value, field, ok] of cases) {
      const { results, parsed } = await search('music', { [param]: value });
      expect(parsed[field], param).toBe(value);
      expect(results.length, param).toBeGreaterThan(0);
      for (const r of results) expect(ok(r), `${param} ${r.service.name}`).toBe(true);
    }
  });

  it('any clears what the text said', async () => {
    const { parsed } = await search('online advanced piano for kids 90 minutes', {
      format: 'any',
      level: 'any',
      age: 'any',
      duration: 'any',
    });
    expect(parsed).toMatchObject({ format: null, level: null, ageGroup: null, durationMinutes: null });
  });
});

describe('invalid filters', () => {
  it.each([
    ['borough', 'jersey-city', /bronx, brooklyn, manhattan, queens, staten-island, or any/],
    ['borough', 'Brooklyn', /or any/],
    ['priceMaxCents', '0', /in cents/],
    ['priceMaxCents', '4999.5', /in cents/],
    ['priceMinCents', '1000001', /in cents/],
    ['format', 'zoom', /online, in_person, or any/],
    ['level', 'expert', /beginner, intermediate, advanced, or any/],
    ['age', 'toddlers', /kids, teens, adults, or any/],
    ['date', '2026-02-30', /YYYY-MM-DD/],
    ['date', 'tomorrow', /YYYY-MM-DD/],
    ['timeOfDay', 'night', /morning, afternoon, evening, or any/],
    ['duration', '50', /steps of 15/],
    ['duration', '255', /steps of 15/],
  ])('%s=%s → 400 naming the field', async (param, value, message) => {
    const res = await get('piano', { [param]: value });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toContain(`querystring.${param}`);
    expect(error.message).toMatch(message);
  });

  it('the old dollar parameters are refused by name: money is in cents everywhere', async () => {
    const res = await get('piano', { priceMax: 50 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('querystring: Unknown parameter: priceMax.');
  });

  it('a floor above the cap is 400', async () => {
    const res = await get('piano', { priceMinCents: 8000, priceMaxCents: 5000 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/lowest price/);
  });
});
