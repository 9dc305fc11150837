import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../testing/test-app.js';
import { createTestApp } from '../../../testing/test-app.js';

interface Case {
  query: string;
  services?: string[];
  category?: string;
  broad?: boolean;
}

const cases = JSON.parse(readFileSync(new URL('./relevance-set.json', import.meta.url), 'utf8')) as Case[];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Did the search understand the query: the right services (and nothing else), category, or neither? */
function judge(
  c: Case,
  body: { interpretation: string; parsed: { services: { slug: string }[]; category: string | null } },
): string | null {
  const got = body.parsed.services.map((s) => s.slug);
  if (c.services) {
    if (!got.length) return `no service (interpretation ${body.interpretation})`;
    const extra = got.filter((s) => !c.services!.includes(s));
    return extra.length ? `unexpected ${extra.join(', ')}` : null;
  }
  if (c.category)
    return body.interpretation === 'category' && body.parsed.category === c.category
      ? null
      : `${body.interpretation}/${body.parsed.category ?? got.join(',')}`;
  return body.interpretation === 'broad'
    ? null
    : `${body.interpretation}: ${got.join(', ') || body.parsed.category}`;
}

describe('relevance set', () => {
  it(`understands at least 95 % of ${cases.length} realistic queries`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const misses: string[] = [];
    for (const c of cases) {
      const res = await t.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(c.query)}` });
      expect(res.statusCode, c.query).toBe(200);
      const problem = judge(c, res.json());
      if (problem) misses.push(`${c.query} → ${problem}`);
    }
    const precision = (cases.length - misses.length) / cases.length;
    console.log(
      `relevance precision: ${precision.toFixed(3)} (${cases.length - misses.length}/${cases.length})${misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
