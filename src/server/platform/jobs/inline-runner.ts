import { randomUUID } from 'node:crypto';
import { CronExpressionParser } from 'cron-parser';
import type { FastifyBaseLogger } from 'fastify';
import type { Metrics } from '../metrics/metrics.js';
import type { EnqueueOptions, JobDefinition, JobRunner, QueueStats, ScheduleDefinition } from './jobs.js';
import { backoffDelay } from './jobs.js';

/** Failed jobs kept for retry or discard, as BullMQ keeps them (removeOnFail). */
const MAX_KEPT_FAILURES = 1000;

/** Runs jobs in this process, with the same retries and schedules BullMQ would apply. */
export class InlineJobRunner implements JobRunner {
  readonly kind = 'inline' as const;
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly schedules = new Map<
    string,
    ScheduleDefinition & { timer?: NodeJS.Timeout; next?: Date }
  >();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pendingIds = new Set<string>();
  private started = false;
  private closed = false;
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  /** Attempts running now: close() lets them finish (graceful shutdown) before the database goes. */
  private readonly running = new Set<Promise<void>>();
  private counts = { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 };
  private retried = 0;
  /** The failed jobs kept for admins to retry or discard (newest first, at most MAX_KEPT_FAILURES). */
  private failures: (QueueStats['recentFailures'][number] & { data: unknown })[] = [];

  constructor(
    private readonly metrics: Metrics,
    private readonly log: FastifyBaseLogger,
  ) {}

  define<T>(def: JobDefinition<T>): void {
    this.defs.set(def.name, def as JobDefinition<unknown>);
  }

  async enqueue(name: string, data: unknown, opts: EnqueueOptions = {}): Promise<void> {
    if (!this.defs.has(name)) throw new Error(`unknown job ${name}`);
    if (opts.jobId) {
      if (this.pendingIds.has(opts.jobId)) return;
      this.pendingIds.add(opts.jobId);
    }
    this.inFlight++;
    this.later(
      opts.delayMs ?? 0,
      () => this.attempt(name, data, 1, opts.jobId),
      opts.delayMs ? 'delayed' : 'waiting',
    );
  }

  private later(ms: number, fn: () => Promise<void>, state: 'waiting' | 'delayed') {
    this.counts[state]++;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.counts[state]--;
      // attempt() settles every outcome itself; this only guards against a bug in that bookkeeping.
      const run = fn().catch((err: Error) => this.log.error({ err }, 'job runner failed'));
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }, ms);
    this.timers.add(t);
  }

  private async attempt(name: string, data: unknown, attempt: number, jobId?: string): Promise<void> {
    const def = this.defs.get(name)!;
    const attempts = def.attempts ?? 3;
    this.counts.active++;
    const endTimer = this.metrics.jobDuration.startTimer({ job: name });
    try {
      await def.handler(data, { attempt });
      endTimer({ outcome: 'completed' });
      this.counts.completed++;
      this.metrics.jobRuns.inc({ job: name, outcome: 'completed' });
      this.settle(jobId);
    } catch (err) {
      endTimer({ outcome: 'failed' });
      const message = err instanceof Error ? err.message : String(err);
      if (attempt < attempts && !this.closed) {
        this.retried++;
        this.metrics.jobRuns.inc({ job: name, outcome: 'retried' });
        this.log.warn({ job: name, attempt, err: message }, 'job failed, retrying');
        this.later(
          backoffDelay(def.backoffMs ?? 1000, attempt),
          () => this.attempt(name, data, attempt + 1, jobId),
          'delayed',
        );
      } else {
        this.counts.failed++;
        this.metrics.jobRuns.inc({ job: name, outcome: 'failed' });
        this.failures = [
          {
            id: randomUUID(),
            job: name,
            data,
            error: message,
            at: new Date().toISOString(),
            attempts: attempt,
          },
          ...this.failures,
        ];
        // Like BullMQ's removeOnFail count: the oldest failures are forgotten, and leave the count.
        const forgotten = this.failures.splice(MAX_KEPT_FAILURES);
        this.counts.failed -= forgotten.length;
        this.log.error({ job: name, attempt, err: message }, 'job failed');
        this.settle(jobId);
      }
    } finally {
      this.counts.active--;
    }
  }

  private settle(jobId?: string) {
    if (jobId) this.pendingIds.delete(jobId);
    this.inFlight--;
    if (this.inFlight === 0) for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when every enqueued job has finished (tests, graceful shutdown). */
  async drain(): Promise<void> {
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  async schedule(def: ScheduleDefinition): Promise<void> {
    const old = this.schedules.get(def.id);
    if (old?.timer) clearTimeout(old.timer);
    this.schedules.set(def.id, { ...def });
    if (this.started) this.arm(def.id);
  }

  private arm(id: string) {
    const s = this.schedules.get(id);
    if (!s || this.closed) return;
    const now = Date.now();
    const next = s.every
      ? new Date(now + s.every)
      : CronExpressionParser.parse(s.pattern!, { currentDate: new Date(now) })
          .next()
          .toDate();
    s.next = next;
    s.timer = setTimeout(() => {
      void this.enqueue(s.job, s.data ?? {}).catch((err: Error) =>
        this.log.error({ err }, 'schedule failed'),
      );
      this.arm(id);
    }, next.getTime() - now);
    s.timer.unref();
  }

  async start(): Promise<void> {
    this.started = true;
    for (const id of this.schedules.keys()) this.arm(id);
  }

  async stats(): Promise<QueueStats> {
    return {
      kind: 'inline',
      counts: { ...this.counts },
      retried: this.retried,
      schedules: [...this.schedules.values()].map((s) => ({
        id: s.id,
        job: s.job,
        every: s.every,
        pattern: s.pattern,
        next: s.next?.toISOString() ?? null,
      })),
      recentFailures: this.failures.map(({ data: _data, ...f }) => f),
    };
  }

  private takeFailure(id: string) {
    const i = this.failures.findIndex((f) => f.id === id);
    if (i < 0) return undefined;
    this.counts.failed--;
    return this.failures.splice(i, 1)[0];
  }

  async retryFailed(id: string): Promise<boolean> {
    const f = this.takeFailure(id);
    if (!f) return false;
    await this.enqueue(f.job, f.data);
    return true;
  }

  async discardFailed(id: string): Promise<boolean> {
    return this.takeFailure(id) !== undefined;
  }

  /**
   * Nothing new starts (waiting, delayed and scheduled runs are dropped, as a stopped BullMQ worker
   * leaves them); attempts already running get up to `graceMs` to finish.
   */
  async close(graceMs = 10_000): Promise<void> {
    this.closed = true;
    for (const s of this.schedules.values()) if (s.timer) clearTimeout(s.timer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (!this.running.size) return;
    let bound: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled([...this.running]).then(() => true),
      new Promise<false>((r) => (bound = setTimeout(() => r(false), graceMs))),
    ]);
    clearTimeout(bound);
    if (!finished) this.log.warn({ running: this.running.size, graceMs }, 'jobs still running at close');
  }
}
