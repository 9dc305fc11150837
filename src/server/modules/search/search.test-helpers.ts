import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Config } from '../../config.js';
import { seedDemoIfEmpty } from '../../db/seed/seed-demo-if-empty.js';
import { ManualClock } from '../../platform/clock.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

/** Tuesday 24 November 2026, 10:00 in New York: "tomorrow", "this weekend" are fixed dates. */
export const SEARCH_TEST_NOW = '2026-11-24T15:00:00Z';

export interface SearchTestApp {
  readonly clock: ManualClock;
  /** The app, once the file's beforeAll has run. */
  readonly t: TestApp;
}

/**
 * One test app per file on its own clock (stopped at SEARCH_TEST_NOW), optionally with the demo
 * data seeded and the catalog reloaded; closed after the file.
 */
export function useSearchTestApp(opts: { demo?: boolean; config?: Partial<Config> } = {}): SearchTestApp {
  const clock = new ManualClock(new Date(SEARCH_TEST_NOW));
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp({ clock, config: opts.config });
    if (!opts.demo) return;
    await seedDemoIfEmpty(
      app.deps.database,
      { ...app.deps.config, seedDemo: true },
      clock,
      pino({ level: 'silent' }),
    );
    await app.services.catalog.invalidate();
  }, 120_000);
  afterAll(() => app?.close());
  return {
    clock,
    get t() {
      if (!app) throw new Error('the search test app is used before its beforeAll ran');
      return app;
    },
  };
}

/** GET /search for the text and filters, 100 results a page. */
export const searchUrl = (q: string, params: Record<string, string | number> = {}) =>
  `/api/v1/search?${new URLSearchParams({ q, perPage: '100', ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) }).toString()}`;

/** The answer of a search that must succeed. */
export async function searchOk<Body>(
  t: TestApp,
  q: string,
  params: Record<string, string | number> = {},
  headers: Record<string, string> = {},
): Promise<Body> {
  const res = await t.request({ method: 'GET', url: searchUrl(q, params), headers });
  expect(res.statusCode, `${q}: ${res.body.slice(0, 300)}`).toBe(200);
  return res.json() as Body;
}
