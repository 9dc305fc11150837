import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import { describe, expect, it } from 'vitest';
import { RELAX_KINDS } from '../../../contracts/search.js';
import { searchEvents } from '../../db/schema/index.js';
import { searchOk, useSearchTestApp } from './search.test-helpers.js';

const app = useSearchTestApp({ demo: true });

interface Body {
  total: number;
  searchEventId: string;
  results: {
    service: { slug: string; name: string; categorySlug: string };
    ageGroups: string[];
    hourlyRateCents: number;
  }[];
  parsed: { services: { slug: string }[]; category: string | null; unmatchedWords: string[] };
  relaxed: { kind: string; from: string; to: string }[];
  didYouMean: { word: string; suggestion: string }[];
}
const search = (q: string, params: Record<string, string> = {}) => searchOk<Body>(app.t, q, params);
const kinds = (b: Body) => b.relaxed.map((r) => r.kind);
/** The relaxed steps come in the fixed order, each at most once. */
const inOrder = (b: Body) => {
  const at = kinds(b).map((k) => RELAX_KINDS.indexOf(k as never));
  return at.every((i, n) => i >= 0 && (n === 0 || i > at[n - 1]!));
};

describe('no dead ends: a search that finds nothing relaxes, labelled', () => {
  it('piano under $21 in Staten Island tomorrow at 6am: Piano only, each relaxed step labelled in order', async () => {
    const b = await search('piano under $21 in staten island tomorrow at 6am');
    expect(b.results.length).toBeGreaterThan(0);
    for (const r of b.results) expect(r.service.slug).toBe('piano');
    expect(inOrder(b)).toBe(true);
    expect(kinds(b)).toContain('place');
    expect(kinds(b)).not.toContain('service');
    expect(b.relaxed.find((r) => r.kind === 'place')).toMatchObject({ from: 'Staten Island' });
    expect(b.relaxed.find((r) => r.kind === 'place')!.to).toMatch(/\d+ (in \w|online)/);
    // What was asked stays what was understood.
    expect(b.parsed.services.map((s) => s.slug)).toEqual(['piano']);
  });

  it('a search with results relaxes nothing', async () => {
    const b = await search('piano');
    expect(b.results.length).toBeGreaterThan(0);
    expect(b.relaxed).toEqual([]);
  });

  it('only a price that is too low: the price alone is relaxed, to any price', async () => {
    const b = await search('piano under $5');
    expect(b.relaxed).toEqual([{ kind: 'price', from: 'under $5/h', to: 'any price' }]);
    expect(b.results.every((r) => r.service.slug === 'piano')).toBe(true);
  });

  it('a kids’ variant with no instructors there: the general service taught to kids, said so', async () => {
    // The demo data gives every service teachers: take Kids Piano's away for this search.
    const retired = await rowsOf<{ id: string }>(
      app.t.deps.db,
      sql`UPDATE instructor_services SET active = false
          WHERE active AND service_id = (SELECT id FROM services WHERE slug = 'kids-piano') RETURNING id`,
    );
    await app.t.services.catalog.invalidate();
    const b = await search('kids piano in staten island');
    await app.t.deps.db.execute(
      sql`UPDATE instructor_services SET active = true WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(retired.map((r) => r.id))}::jsonb)::uuid)`,
    );
    await app.t.services.catalog.invalidate();
    expect(retired.length).toBeGreaterThan(0);
    expect(b.relaxed.at(-1)).toEqual({ kind: 'service', from: 'Kids Piano', to: 'Piano, taught to kids' });
    for (const r of b.results) {
      expect(r.service.slug).toBe('piano');
      expect(r.ageGroups).toContain('kids');
    }
    expect(b.results.length).toBeGreaterThan(0);
    expect(inOrder(b)).toBe(true);
  });

  it('a category with nothing in reach is relaxed in the same order, never to another category silently', async () => {
    const b = await search('music in staten island at 6am');
    expect(b.results.length).toBeGreaterThan(0);
    expect(inOrder(b)).toBe(true);
    expect(kinds(b)).not.toContain('service');
    for (const r of b.results) expect(r.service.categorySlug).toBe('music');
  });

  it('stays a zero-result search for analytics even when relaxed results are shown', async () => {
    const b = await search('piano under $5', {});
    expect(b.total).toBeGreaterThan(0);
    await app.t.services.searchRecorder.flush();
    const [row] = await app.t.deps.db
      .select({ resultCount: searchEvents.resultCount })
      .from(searchEvents)
      .where(eq(searchEvents.id, b.searchEventId));
    expect(row?.resultCount).toBe(0);
  });
});

describe('no silent guesses', () => {
  it('gibberish is reported and does not return the whole marketplace', async () => {
    const b = await search('qwzx vbnm');
    expect(b.parsed.unmatchedWords).toEqual(['qwzx', 'vbnm']);
    expect(b.results).toEqual([]);
    expect(b.relaxed).toEqual([]);
  });

  it('gibberish with a constraint shows the constraint’s results, labelled as any subject', async () => {
    const b = await search('zxcv in brooklyn');
    expect(b.parsed.unmatchedWords).toContain('zxcv');
    expect(b.results.length).toBeGreaterThan(0);
    expect(b.relaxed[0]).toEqual({ kind: 'service', from: '“zxcv”', to: 'any subject' });
  });

  it('a near-miss word gets a "did you mean" from the catalog vocabulary', async () => {
    const b = await search('yga');
    expect(b.parsed.unmatchedWords).toEqual(['yga']);
    expect(b.didYouMean).toEqual([{ word: 'yga', suggestion: 'yoga' }]);
  });

  it('spanish tutor names Spanish and no category; math 12/3 at 3 lists Math once', async () => {
    const sp = await search('spanish tutor');
    expect(sp.parsed.services.map((s) => s.slug)).toEqual(['spanish']);
    expect(sp.parsed.category).toBeNull();
    const m = await search('math 12/3 at 3');
    expect(m.parsed.services.map((s) => s.slug)).toEqual(['math']);
  });
});
