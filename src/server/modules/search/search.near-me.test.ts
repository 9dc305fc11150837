import { describe, expect, it } from 'vitest';
import { searchOk, useSearchTestApp } from './search.test-helpers.js';

// Behind a trusted proxy, X-Forwarded-For is the searcher's address; the bundled table places the
// documentation ranges (modules/geo/ip-table.ts): 198.51.100.0/24 Brooklyn, 203.0.113.0/24 Queens.
const app = useSearchTestApp({ demo: true, config: { trustProxy: true } });

interface Body {
  results: { instructor: { areas: { boroughSlug: string }[] } }[];
  total: number;
  relaxed: unknown[];
  parsed: { borough: string | null; nearMe: boolean; boroughSource: string | null; locationUnknown: boolean };
}
const BROOKLYN_IP = '198.51.100.7';
const QUEENS_IP = '203.0.113.20';
const UNKNOWN_IP = '100.64.1.1';

const search = (q: string, ip: string, params: Record<string, string> = {}) =>
  searchOk<Body>(app.t, q, params, { 'x-forwarded-for': ip });
const serve = (b: Body, borough: string) =>
  b.results.every((r) => r.instructor.areas.some((a) => a.boroughSlug === borough));

describe('"near me" from the searcher’s IP', () => {
  it('piano near me from a Brooklyn address narrows to Brooklyn, and says it came from the location', async () => {
    const all = await search('piano', UNKNOWN_IP);
    const near = await search('piano near me', BROOKLYN_IP);
    expect(near.parsed).toMatchObject({
      borough: 'brooklyn',
      nearMe: true,
      boroughSource: 'near_me',
      locationUnknown: false,
    });
    expect(near.relaxed).toEqual([]);
    expect(near.total).toBeGreaterThan(0);
    expect(serve(near, 'brooklyn')).toBe(true);
    expect(near.total).toBeLessThan(all.total);
  });

  it('from an address nobody can place, narrows nothing and says the location is unknown', async () => {
    const all = await search('piano', UNKNOWN_IP);
    const near = await search('piano near me', UNKNOWN_IP);
    expect(near.parsed).toMatchObject({
      borough: null,
      nearMe: true,
      boroughSource: null,
      locationUnknown: true,
    });
    expect(near.total).toBe(all.total);
    expect(near.relaxed).toEqual([]);
  });

  it('a borough named in the text or chosen in the filters wins over the IP', async () => {
    const named = await search('piano near me in queens', BROOKLYN_IP);
    expect(named.parsed).toMatchObject({ borough: 'queens', boroughSource: 'named', locationUnknown: false });
    expect(serve(named, 'queens')).toBe(true);
    const chosen = await search('piano near me', BROOKLYN_IP, { borough: 'manhattan' });
    expect(chosen.parsed).toMatchObject({ borough: 'manhattan', nearMe: false, boroughSource: 'named' });
    expect(serve(chosen, 'manhattan')).toBe(true);
  });

  it('the cached list of one searcher’s "near me" is never another’s', async () => {
    const [brooklyn, queens, unknown] = await Promise.all([
      search('piano near me', BROOKLYN_IP),
      search('piano near me', QUEENS_IP),
      search('piano near me', UNKNOWN_IP),
    ]);
    expect(brooklyn.parsed.borough).toBe('brooklyn');
    expect(queens.parsed.borough).toBe('queens');
    expect(unknown.parsed.borough).toBeNull();
    expect(serve(queens, 'queens')).toBe(true);
    expect(serve(brooklyn, 'brooklyn')).toBe(true);
    // The same text again from Brooklyn, after Queens filled the cache: still Brooklyn's list.
    const again = await search('piano near me', BROOKLYN_IP);
    expect(again.total).toBe(brooklyn.total);
    expect(serve(again, 'brooklyn')).toBe(true);
  });
});
