import fc from 'fast-check';
import { SESSION_COOKIE } from '../../platform/auth/auth-context.js';
import type { TestApp } from '../test-app.js';
import type { FuzzWorld } from './fuzz-world.js';
import type { FuzzRequest } from './request-arbitrary.js';
import type { Violation, ViolationKind } from './response-checks.js';
import { checkAnswer } from './response-checks.js';
import type { TableSnapshot } from './table-snapshot.js';
import { changedTables } from './table-snapshot.js';
import { captureServerErrors, errorCause } from './server-errors.js';

export interface Exchange {
  req: FuzzRequest;
  status: number;
  body: string;
  violations: Violation[];
}

export interface Defect {
  key: string;
  family: string;
  kind: ViolationKind;
  count: number;
  first: Exchange;
  detail: string;
}

export interface FamilyResult {
  family: string;
  /** The smallest request fast-check's shrinking found for it. */
  minimal: Exchange;
  shrinkSteps: number;
}

export interface FuzzResult {
  requests: number;
  executed: number;
  counts: Record<ViolationKind, number>;
  defects: Map<string, Defect>;
  families: Map<string, FamilyResult>;
}

const GUEST = 'fuzz-guest-0001';
/** Shrinking executes requests too; past this many per defect the current one is good enough. */
const SHRINK_LIMIT = 150;

/** Sends fuzzed requests one at a time and checks each answer against the table snapshot. */
export class FuzzRunner {
  explored = 0;
  executed = 0;
  /** Where the time goes, in ms: the requests themselves or the bookkeeping around them. */
  readonly timings = { inject: 0, settle: 0, snapshot: 0, repair: 0 };
  private last!: TableSnapshot;
  private lastMark = '';
  private readonly serverErrors: { take(): string[] };

  constructor(
    private readonly t: TestApp,
    private readonly world: FuzzWorld,
    private readonly snapshots: { take(): Promise<TableSnapshot>; writeMark(): Promise<string> },
    private readonly healthEvery = 250,
  ) {
    this.serverErrors = captureServerErrors(t.app);
  }

  async start(): Promise<void> {
    await this.settle();
    await this.snapshot();
  }

  /** The tables now; the full statement runs only when some transaction has written since the last. */
  private async snapshot(): Promise<TableSnapshot> {
    const mark = await this.snapshots.writeMark();
    if (mark !== this.lastMark || !this.last) {
      this.last = await this.snapshots.take();
      this.lastMark = mark;
    }
    return this.last;
  }

  /** Writes queued off the request path (search history/events, inline jobs) land now. */
  private async settle(): Promise<void> {
    await this.t.services.searchRecorder.flush();
    await this.t.drainJobs();
  }

  private headersFor(req: FuzzRequest): Record<string, string> {
    const h = { ...req.headers };
    const w = this.world;
    switch (req.auth) {
      case 'student':
        h.authorization = `Bearer ${w.student.token}`;
        break;
      case 'instructor':
        h.authorization = `Bearer ${w.instructor.token}`;
        break;
      case 'admin':
        h.authorization = `Bearer ${w.admin.token}`;
        break;
      case 'bogus':
        h.authorization = 'Bearer iis_not-a-real-session-token';
        break;
      case 'cookie':
        // No Origin or Referer: a cookie-authenticated write must be refused as cross-site.
        h.cookie = `${SESSION_COOKIE}=${w.student.token}`;
        break;
      case 'guest':
        h['x-guest-session-id'] = GUEST;
        break;
    }
    return h;
  }

  async health(): Promise<Violation | undefined> {
    const res = await this.t.app.inject({ method: 'GET', url: '/health' });
    if (res.statusCode === 200) return undefined;
    return {
      kind: 'health',
      key: `GET /health ${res.statusCode}`,
      family: 'health',
      detail: res.body.slice(0, 300),
    };
  }

  async execute(req: FuzzRequest, exploring: boolean): Promise<Exchange> {
    this.executed++;
    if (exploring) this.explored++;
    let status: number;
    let body: string;
    let t0 = performance.now();
    try {
      const res = await this.t.app.inject({
        method: req.method as 'GET',
        url: req.url,
        headers: this.headersFor(req),
        payload: req.payload,
      });
      status = res.statusCode;
      body = res.body;
    } catch (err) {
      // inject itself refusing (a method Node cannot send) is not the server's answer.
      status = 0;
      body = `inject failed: ${(err as Error).message}`;
    }
    const t1 = performance.now();
    await this.settle();
    const t2 = performance.now();
    const before = this.last;
    const after = await this.snapshot();
    const t3 = performance.now();
    this.timings.inject += t1 - t0;
    this.timings.settle += t2 - t1;
    this.timings.snapshot += t3 - t2;
    const refused = status >= 400 && status < 500;
    const changes = refused ? changedTables(before, after) : [];
    const logged = this.serverErrors.take();
    const violations =
      status === 0 ? [] : checkAnswer(req, { status, body, contentType: undefined }, changes);
    for (const v of violations) {
      if (v.kind !== 'server-error' || !logged.length) continue;
      // One logged cause behind 500s on many routes is one defect to shrink, listed per route.
      const cause = errorCause(logged[0]!);
      v.key = `${v.key}: ${cause}`;
      v.family = `5xx: ${cause}`;
      v.detail = `${logged[0]!.slice(0, 300)} | ${v.detail}`;
    }
    if (status >= 200 && status < 300 && req.method !== 'GET' && req.method !== 'HEAD') {
      t0 = performance.now();
      await this.world.repair();
      await this.snapshot();
      this.timings.repair += performance.now() - t0;
    }
    if (this.executed % this.healthEvery === 0) {
      const h = await this.health();
      if (h) violations.push(h);
    }
    return { req, status, body, violations };
  }
}

/**
 * Runs `requests` generated requests. Every violation is recorded under its key; the first of
 * each family fails the property, so fast-check shrinks it to a minimal request, and the run
 * then resumes (seed + 1, + 2, ...) with that family known until the count is reached.
 */
export async function fuzz(
  runner: FuzzRunner,
  arbitrary: fc.Arbitrary<FuzzRequest>,
  opts: { requests: number; seed: number },
): Promise<FuzzResult> {
  const defects = new Map<string, Defect>();
  const families = new Map<string, FamilyResult>();
  const counts: Record<ViolationKind, number> = {
    'server-error': 0,
    'bad-error-body': 0,
    'rows-changed': 0,
    'not-refused': 0,
    'not-405': 0,
    health: 0,
  };
  let shrinking: string | null = null;
  let shrinkSteps = 0;
  let minimal: Exchange | undefined;
  for (let round = 0; runner.explored < opts.requests; round++) {
    const property = fc.asyncProperty(arbitrary, async (req) => {
      if (shrinking && shrinkSteps >= SHRINK_LIMIT) return true;
      const exploring = shrinking === null;
      if (!exploring) shrinkSteps++;
      const ex = await runner.execute(req, exploring);
      for (const v of ex.violations) {
        if (exploring) counts[v.kind]++;
        const d = defects.get(v.key);
        if (d) d.count++;
        else
          defects.set(v.key, {
            key: v.key,
            family: v.family,
            kind: v.kind,
            count: 1,
            first: ex,
            detail: v.detail,
          });
      }
      const failing = ex.violations.find((v) =>
        shrinking ? v.family === shrinking : !families.has(v.family),
      );
      if (!failing) return true;
      shrinking ??= failing.family;
      minimal = ex;
      return false;
    });
    const details = await fc.check(property, {
      seed: opts.seed + round,
      numRuns: opts.requests - runner.explored,
    });
    if (!details.failed || !shrinking || !minimal) break;
    families.set(shrinking, { family: shrinking, minimal, shrinkSteps });
    shrinking = null;
    shrinkSteps = 0;
    minimal = undefined;
  }
  const end = await runner.health();
  if (end) {
    counts.health++;
    defects.set(end.key, {
      key: end.key,
      family: end.family,
      kind: 'health',
      count: 1,
      first: { req: endRequest, status: 0, body: end.detail, violations: [end] },
      detail: end.detail,
    });
  }
  return { requests: runner.explored, executed: runner.executed, counts, defects, families };
}

const endRequest: FuzzRequest = {
  route: 'GET /health',
  kind: 'valid',
  method: 'GET',
  url: '/health',
  auth: 'anonymous',
  headers: {},
};

const clip = (s: string | undefined, n = 400) =>
  s === undefined ? '(none)' : s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s;

/** A request and its answer as a reader would replay them. */
export function describeExchange(ex: Exchange): string {
  const r = ex.req;
  const headers = Object.entries(r.headers)
    .map(([k, v]) => `${k}: ${clip(v, 60)}`)
    .join(', ');
  return [
    `${r.method} ${clip(r.url, 300)}  (as ${r.auth}, ${r.kind}${r.note ? `: ${r.note}` : ''})`,
    headers ? `  headers: ${headers}` : undefined,
    r.payload !== undefined ? `  body: ${clip(JSON.stringify(r.payload).slice(1, -1))}` : undefined,
    `  → ${ex.status} ${clip(ex.body, 300)}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** Defects grouped by family, each with its shrunk request and the routes it was seen on. */
export function describeDefects(result: FuzzResult): string {
  const byFamily = new Map<string, Defect[]>();
  for (const d of result.defects.values()) byFamily.set(d.family, [...(byFamily.get(d.family) ?? []), d]);
  const parts: string[] = [];
  let n = 0;
  for (const [family, ds] of byFamily) {
    const f = result.families.get(family);
    parts.push(
      [
        `#${++n} ${family}`,
        f
          ? `minimal (after ${f.shrinkSteps} shrink steps):\n${indent(describeExchange(f.minimal))}`
          : undefined,
        ...ds.map((d) => `  - ${d.key} ×${d.count}\n${indent(describeExchange(d.first), 6)}`),
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
  return parts.join('\n\n');
}

const indent = (s: string, n = 4) =>
  s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
