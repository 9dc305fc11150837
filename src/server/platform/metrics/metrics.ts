import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from '../../db/client.js';

/** Every metric this app defines starts with this (prom-client's defaults keep their own names). */
export const METRIC_PREFIX = 'instainstru_';
const name = (n: string) => `${METRIC_PREFIX}${n}`;

/** Figures read at scrape time from parts built after the metrics (the job runner, the outbox...). */
export interface ScrapeSources {
  jobCounts?: () => Promise<{ queue: string; counts: Record<string, number> } | null>;
  outbox?: () => Promise<{ counts: Record<string, number>; oldestUnsentAgeSeconds: number }>;
  sseConnections?: () => number;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** One registry per app instance, so tests can build many apps in one process. */
export class Metrics {
  readonly registry = new Registry();
  private sources: ScrapeSources = {};

  readonly httpDuration = new Histogram({
    name: name('http_request_duration_seconds'),
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly httpErrors = new Counter({
    name: name('http_request_errors_total'),
    help: 'HTTP responses with status >= 400, by route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  readonly cacheOps = new Counter({
    name: name('cache_operations_total'),
    help: 'Cache lookups by cache name and result (hit or miss)',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });
  readonly searchDuration = new Histogram({
    name: name('search_duration_seconds'),
    help: 'Search latency inside the app by how the query was interpreted',
    labelNames: ['interpretation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly bookingOutcomes = new Counter({
    name: name('booking_outcomes_total'),
    help: 'Booking requests by HTTP status and error code (201 created, 409 taken, 422 by reason)',
    labelNames: ['status_code', 'code'] as const,
    registers: [this.registry],
  });
  readonly jobRuns = new Counter({
    name: name('job_runs_total'),
    help: 'Job attempts by job name and outcome (completed, failed, retried)',
    labelNames: ['job', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: name('job_duration_seconds'),
    help: 'Duration of one job attempt by job name and outcome (completed or failed)',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers: [this.registry],
  });
  readonly dbQueryDuration = new Histogram({
    name: name('db_query_duration_seconds'),
    help: 'Database statement duration by operation (select, insert, update, delete, other)',
    labelNames: ['operation'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  constructor(poolStats: () => PoolStats, withDefaults = true) {
    if (withDefaults) collectDefaultMetrics({ register: this.registry });
    const sources = () => this.sources;
    new Gauge({
      name: name('db_pool_connections'),
      help: 'Database pool connections by state (total, idle, waiting, max)',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const s = poolStats();
        this.set({ state: 'total' }, s.total);
        this.set({ state: 'idle' }, s.idle);
        this.set({ state: 'waiting' }, s.waiting);
        this.set({ state: 'max' }, s.max);
      },
    });
    new Gauge({
      name: name('job_queue_jobs'),
      help: 'Jobs in the queue by state (waiting, active, delayed, completed, failed)',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        // With Redis down the last figures would lie: the series disappear instead.
        this.reset();
        const q = await sources()
          .jobCounts?.()
          .catch(() => null);
        if (q) for (const [state, n] of Object.entries(q.counts)) this.set({ queue: q.queue, state }, n);
      },
    });
    // Two gauges from one query: gauges collect concurrently, so they share the scrape's read.
    let outboxRead: { at: number; value: ReturnType<NonNullable<ScrapeSources['outbox']>> } | undefined;
    const outbox = () => {
      const read = sources().outbox;
      if (!read) return undefined;
      if (!outboxRead || Date.now() - outboxRead.at > 1000) outboxRead = { at: Date.now(), value: read() };
      return outboxRead.value;
    };
    new Gauge({
      name: name('outbox_oldest_unsent_age_seconds'),
      help: 'Age of the oldest queued email not yet sent (0 when none is waiting)',
      registers: [this.registry],
      async collect() {
        const o = await outbox();
        if (o) this.set(o.oldestUnsentAgeSeconds);
      },
    });
    new Gauge({
      name: name('outbox_messages'),
      help: 'Emails in the outbox by status (stored, queued, sent, failed)',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const o = await outbox();
        if (!o) return;
        for (const status of ['stored', 'queued', 'sent', 'failed'])
          this.set({ status }, o.counts[status] ?? 0);
      },
    });
    new Gauge({
      name: name('sse_connections'),
      help: 'Event streams (/api/v1/events) open on this instance',
      registers: [this.registry],
      collect() {
        this.set(sources().sseConnections?.() ?? 0);
      },
    });
  }

  /** Connects the scrape-time figures once the parts that own them exist. */
  readFrom(sources: ScrapeSources): void {
    this.sources = { ...this.sources, ...sources };
  }

  cacheResult(cache: string, hit: boolean): void {
    this.cacheOps.inc({ cache, result: hit ? 'hit' : 'miss' });
  }
}
