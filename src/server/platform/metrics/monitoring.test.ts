// Monitoring as code (ops/): the alert rules pass promtool and their unit tests, and every Grafana
// panel's query parses as PromQL and names only metrics the app really exposes on /metrics.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { Metrics } from './metrics.js';

const OPS = fileURLToPath(new URL('../../../../ops/', import.meta.url));
const RULES = join(OPS, 'prometheus/alerts.rules.yml');
const RULE_TESTS = join(OPS, 'prometheus/alerts.test.yml');
const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
if (!hasPromtool) {
  console.warn('promtool not found (apt-get install -y prometheus): PromQL and rule checks skipped');
}

const promtool = (...args: string[]) => spawnSync('promtool', args, { encoding: 'utf8' });

interface Panel {
  title: string;
  targets?: { expr: string }[];
}
const dashboards = readdirSync(join(OPS, 'grafana'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    ...(JSON.parse(readFileSync(join(OPS, 'grafana', f), 'utf8')) as { panels: Panel[] }),
  }));
const queries = dashboards.flatMap((d) =>
  d.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ where: `${d.file}: ${p.title}`, expr: t.expr }))),
);

const PROMQL_WORDS = new Set([
  'by',
  'without',
  'and',
  'or',
  'unless',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'inf',
  'nan',
]);

/** The metric names a PromQL expression selects (label names, functions and keywords left out). */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names = [...bare.matchAll(/(?<![\w:.])([a-zA-Z_:][\w:]*)(?![\w:]|\s*\()/g)].map((m) => m[1]!);
  return names.filter((n) => !PROMQL_WORDS.has(n.toLowerCase()));
}

/** Every series name a /metrics text can produce: histograms add _bucket, _sum and _count. */
function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, n, type] = m as unknown as [string, string, string];
    names.add(n);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(n + s);
    if (type === 'summary') for (const s of ['_sum', '_count']) names.add(n + s);
  }
  return names;
}

describe('metric names in a PromQL expression', () => {
  it('finds selected metrics, not label names, functions or keywords', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (route, le) (rate(a_bucket{route!="x y"}[5m]))) / ignoring(z) b:rec offset 5m',
      ),
    ).toEqual(['a_bucket', 'b:rec']);
  });
});

describe('ops/ monitoring as code', () => {
  let t: TestApp;
  let exposed: Set<string>;
  beforeAll(async () => {
    t = await createTestApp();
    // The app's /metrics, plus Node's default metrics that production registers (createDeps).
    const text = (await t.request({ method: 'GET', url: '/metrics' })).body;
    const production = new Metrics(() => ({ total: 0, idle: 0, waiting: 0, max: 1 }), true);
    exposed = new Set([...exposedNames(text), ...exposedNames(await production.registry.metrics())]);
  });
  afterAll(() => t.close());

  it('there are dashboards for the API, search, bookings, jobs and outbox, and the Node runtime', () => {
    expect(dashboards.map((d) => d.file).sort()).toEqual(
      ['api-overview.json', 'bookings.json', 'jobs-outbox.json', 'node-runtime.json', 'search.json'].sort(),
    );
    expect(queries.length).toBeGreaterThan(20);
  });

  it('every dashboard query names only metrics /metrics exposes (or a recording rule in the rules file)', () => {
    const recorded = new Set([...readFileSync(RULES, 'utf8').matchAll(/record:\s*(\S+)/g)].map((m) => m[1]!));
    // `up` is written by Prometheus itself for every scrape.
    const known = (n: string) => exposed.has(n) || recorded.has(n) || n === 'up';
    const unknown = queries.flatMap((q) =>
      metricNames(q.expr)
        .filter((n) => !known(n))
        .map((n) => `${q.where}: ${n}`),
    );
    expect(unknown).toEqual([]);
  });

  it.skipIf(!hasPromtool)('every dashboard query parses as PromQL (promtool check rules)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ii-dashboards-'));
    try {
      const file = join(dir, 'dashboards.rules.yml');
      const rules = queries.map(
        (q, i) => `      - record: dashboard:query_${i}\n        expr: ${JSON.stringify(q.expr)}`,
      );
      writeFileSync(file, `groups:\n  - name: dashboards\n    rules:\n${rules.join('\n')}\n`);
      const res = promtool('check', 'rules', file);
      expect(res.stdout + res.stderr).toContain(`SUCCESS: ${queries.length} rules found`);
      expect(res.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasPromtool)('the alert rules pass promtool check rules and their unit tests', () => {
    const check = promtool('check', 'rules', RULES);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const test = promtool('test', 'rules', RULE_TESTS);
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain('SUCCESS');
  });

  it.skipIf(!hasPromtool)(
    '/metrics passes promtool check metrics (prom-client’s nodejs_active_* excepted)',
    async () => {
      const text = (await t.request({ method: 'GET', url: '/metrics' })).body;
      const res = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
      // prom-client's default nodejs_active_*_total gauges keep names dashboards everywhere expect.
      const problems = (res.stdout + res.stderr)
        .split('\n')
        .filter((l) => l && !l.startsWith('nodejs_active_'));
      expect(problems).toEqual([]);
    },
  );
});
