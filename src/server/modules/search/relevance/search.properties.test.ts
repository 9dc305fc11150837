import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../../contracts/search.js';
import { searchOk, useSearchTestApp } from '../search.test-helpers.js';

interface CatalogService {
  slug: string;
  name: string;
}
const catalog = JSON.parse(
  readFileSync(new URL('../../../../../data/catalog.json', import.meta.url), 'utf8'),
) as {
  services: CatalogService[];
};

const app = useSearchTestApp({ demo: true });

/** One or two catalog services by their display name. */
const named = fc.uniqueArray(fc.constantFrom(...catalog.services), {
  minLength: 1,
  maxLength: 2,
  selector: (s) => s.slug,
});

/** Constraints a person adds to a service name. */
const everyConstraint = {
  price: fc.integer({ min: 20, max: 150 }).map((d) => `under $${d}`),
  place: fc.constantFrom(
    'in brooklyn',
    'in queens',
    'in manhattan',
    'in the bronx',
    'in staten island',
    'in park slope',
    'in astoria',
  ),
  day: fc.constantFrom(
    'on monday',
    'on tuesday',
    'on wednesday',
    'thursday',
    'friday',
    'saturday',
    'on sunday',
    'tomorrow',
    'this weekend',
  ),
  time: fc.constantFrom(
    'in the morning',
    'afternoon',
    'evening',
    'after 6pm',
    'before 10am',
    'from 3 to 5 pm',
    'between 9 and 11am',
  ),
  format: fc.constantFrom('online', 'in person'),
};
/** Some of them (each optional), and one of every kind to add on top. */
const constraints = fc.record(everyConstraint, { requiredKeys: [] });
const oneOfEach = fc.record(everyConstraint);

const ORDER = ['price', 'place', 'day', 'time', 'format'] as const;
const phrase = (c: Partial<Record<(typeof ORDER)[number], string>>) =>
  ORDER.map((k) => c[k])
    .filter(Boolean)
    .join(' ');

/** What each name alone resolves to ("keyboard" is also a word for Piano): the named services. */
const alone = new Map<string, Set<string>>();
async function namedSlugs(services: CatalogService[]): Promise<Set<string>> {
  const all = new Set<string>();
  for (const s of services) {
    if (!alone.has(s.slug)) {
      const b = await searchOk<SearchResponse>(app.t, s.name.toLowerCase());
      alone.set(s.slug, new Set(b.parsed.services.map((x) => x.slug)));
    }
    for (const slug of alone.get(s.slug)!) all.add(slug);
  }
  return all;
}

/** The number of offerings that match everything asked: 0 when the search had to relax. */
const asked = (b: SearchResponse) => (b.relaxed.length ? 0 : b.total);

describe('search properties over catalog names and random constraints', () => {
  let answered = 0;
  it('returns only the named services unless it says what it relaxed; a constraint never widens; no service twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        named,
        constraints,
        oneOfEach,
        fc.constantFrom(...ORDER),
        async (services, cons, extra, extraKey) => {
          const base = services.map((s) => s.name.toLowerCase()).join(' or ');
          const q = `${base} ${phrase(cons)}`.trim();
          const b = await searchOk<SearchResponse>(app.t, q);
          const slugs = b.parsed.services.map((s) => s.slug);
          expect(new Set(slugs).size, `${q}: ${slugs.join(',')}`).toBe(slugs.length);
          const asks = await namedSlugs(services);
          for (const s of services) expect(slugs, `${q}: its own name`).toContain(s.slug);
          for (const slug of slugs) expect(asks.has(slug), `${q}: parsed ${slug}`).toBe(true);
          if (!b.relaxed.length) {
            for (const r of b.results)
              expect(asks.has(r.service.slug), `${q} → ${r.service.slug}`).toBe(true);
          } else {
            for (const step of b.relaxed) expect(step.from.length, q).toBeGreaterThan(0);
          }
          // One more constraint on the same query: never more offerings than without it.
          if (asked(b) > 0) answered += 1;
          if (cons[extraKey] !== undefined) return;
          const more = { ...cons, [extraKey]: extra[extraKey] };
          const narrower = await searchOk<SearchResponse>(app.t, `${base} ${phrase(more)}`.trim());
          expect(asked(narrower), `${q} → + ${more[extraKey]}`).toBeLessThanOrEqual(asked(b));
        },
      ),
      { numRuns: 100 },
    );
    // The property says something only if many of the queries found offerings as asked.
    expect(answered).toBeGreaterThan(10);
  }, 120_000);
});
