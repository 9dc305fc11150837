import { Job, Queue, Worker } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../http/errors.js';
import type { Metrics } from '../metrics/metrics.js';
import { reconnectDelay } from '../redis/redis-client.js';
import type { EnqueueOptions, JobDefinition, JobRunner, QueueStats, ScheduleDefinition } from './jobs.js';

const QUEUE = 'jobs';
/** Producer calls (enqueue, stats) give up after this: a request never waits on a dead Redis. */
const CALL_TIMEOUT_MS = 1000;
/** Schedules Redis refused at start are registered again this often until it takes them. */
const SCHEDULE_RETRY_MS = 5000;
/**
 * How often the schedules are checked against Redis: a Redis that restarted empty (no persistence)
 * or was flushed has forgotten them, and nothing else would put them back.
 */
const SCHEDULE_CHECK_MS = 30_000;
/** Connection errors repeat on every reconnect attempt; one log line per this period is plenty. */
const ERROR_LOG_EVERY_MS = 30_000;

/** Rejects after `ms`; the abandoned promise's own rejection is swallowed, not left unhandled. */
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  p.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms (redis unreachable?)`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** BullMQ on Redis: enqueue from any instance, consume in ROLE=all|worker processes. */
export class BullmqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly queue: Queue;
  private readonly workerConnection: ConnectionOptions;
  private worker?: Worker;
  private retried = 0;
  private readonly unregistered = new Map<string, ScheduleDefinition>();
  private readonly schedules = new Map<string, ScheduleDefinition>();
  private scheduleRetry?: NodeJS.Timeout;
  private scheduleCheck?: NodeJS.Timeout;
  private readonly lastErrorLog = new Map<string, { at: number; suppressed: number }>();

  constructor(
    connection: ConnectionOptions,
    private readonly prefix: string,
    private readonly metrics: Metrics,
    private readonly log: FastifyBaseLogger,
    private readonly scheduleCheckMs = SCHEDULE_CHECK_MS,
  ) {
    // A producer fails fast while disconnected (BullMQ's advice for queues); the worker's blocking
    // connection must keep BullMQ's settings. Both reconnect within a second once Redis is back,
    // instead of BullMQ's default backoff of up to 20 s.
    const own = 'options' in connection ? {} : { retryStrategy: reconnectDelay };
    this.workerConnection = 'options' in connection ? connection : { ...connection, ...own };
    const queueConnection =
      'options' in connection
        ? connection
        : { ...connection, ...own, enableOfflineQueue: false, maxRetriesPerRequest: 1 };
    this.queue = new Queue(QUEUE, { connection: queueConnection, prefix });
    // An EventEmitter 'error' without a listener would crash the process.
    this.queue.on('error', (err) => this.logError('queue', err));
  }

  /** Logs the first error of a burst and then a count every ERROR_LOG_EVERY_MS. */
  private logError(source: string, err: Error) {
    const now = Date.now();
    const last = this.lastErrorLog.get(source);
    if (last && now - last.at < ERROR_LOG_EVERY_MS) {
      last.suppressed++;
      return;
    }
    this.log.error({ source, err: err.message, suppressed: last?.suppressed ?? 0 }, 'job queue error');
    this.lastErrorLog.set(source, { at: now, suppressed: 0 });
  }

  define<T>(def: JobDefinition<T>): void {
    this.defs.set(def.name, def as JobDefinition<unknown>);
  }

  private jobOptions(name: string) {
    const def = this.defs.get(name);
    if (!def) throw new Error(`unknown job ${name}`);
    return {
      attempts: def.attempts ?? 3,
      backoff: { type: 'exponential' as const, delay: def.backoffMs ?? 1000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 1000 },
    };
  }

  /** Throws within CALL_TIMEOUT_MS when Redis is down: the caller decides what a lost job means. */
  async enqueue(name: string, data: unknown, opts: EnqueueOptions = {}): Promise<void> {
    const options = { ...this.jobOptions(name), delay: opts.delayMs, jobId: opts.jobId };
    await withTimeout(this.queue.add(name, data, options), CALL_TIMEOUT_MS, `enqueue ${name}`);
  }

  /** Never throws for Redis' sake: a schedule Redis cannot take now is registered when it can. */
  async schedule(def: ScheduleDefinition): Promise<void> {
    this.schedules.set(def.id, def);
    this.checkSchedulesPeriodically();
    try {
      await this.upsertSchedule(def);
      this.unregistered.delete(def.id);
    } catch (err) {
      this.log.warn(
        { schedule: def.id, err: (err as Error).message },
        'schedule not registered yet; retrying',
      );
      this.unregistered.set(def.id, def);
      this.retrySchedulesLater();
    }
  }

  private upsertSchedule(def: ScheduleDefinition) {
    const repeat = def.every ? { every: def.every } : { pattern: def.pattern! };
    const job = { name: def.job, data: def.data ?? {}, opts: this.jobOptions(def.job) };
    return withTimeout(
      this.queue.upsertJobScheduler(def.id, repeat, job),
      CALL_TIMEOUT_MS,
      `schedule ${def.id}`,
    );
  }

  private checkSchedulesPeriodically() {
    if (this.scheduleCheck) return;
    this.scheduleCheck = setInterval(() => void this.restoreLostSchedules(), this.scheduleCheckMs);
    this.scheduleCheck.unref();
  }

  /** Puts back the schedules Redis no longer has; with Redis down, waits for the next check. */
  private async restoreLostSchedules() {
    let present: Set<string>;
    try {
      const found = await withTimeout(this.queue.getJobSchedulers(), CALL_TIMEOUT_MS, 'schedule check');
      present = new Set(found.map((s) => s.key));
    } catch {
      return;
    }
    const lost = [...this.schedules.values()].filter(
      (d) => !present.has(d.id) && !this.unregistered.has(d.id),
    );
    if (!lost.length) return;
    this.log.warn({ schedules: lost.map((d) => d.id) }, 'schedules missing from redis; registering again');
    for (const def of lost) this.unregistered.set(def.id, def);
    await this.retrySchedules();
  }

  private retrySchedulesLater() {
    if (this.scheduleRetry) return;
    this.scheduleRetry = setTimeout(() => void this.retrySchedules(), SCHEDULE_RETRY_MS);
    this.scheduleRetry.unref();
  }

  private async retrySchedules() {
    this.scheduleRetry = undefined;
    for (const def of [...this.unregistered.values()]) {
      try {
        await this.upsertSchedule(def);
        this.unregistered.delete(def.id);
        this.log.info({ schedule: def.id }, 'schedule registered');
      } catch {
        // Still down; try again later.
      }
    }
    if (this.unregistered.size) this.retrySchedulesLater();
  }

  /** Starts consuming; with Redis down it returns after a bounded wait and connects in the background. */
  async start(): Promise<void> {
    this.worker = new Worker(
      QUEUE,
      async (job: Job) => {
        const def = this.defs.get(job.name);
        if (!def) throw new Error(`no handler for job ${job.name}`);
        const endTimer = this.metrics.jobDuration.startTimer({ job: job.name });
        try {
          // What the handler answers is kept as the job's return value (a run's counts, for one).
          const result = await def.handler(job.data, { attempt: job.attemptsMade + 1 });
          endTimer({ outcome: 'completed' });
          return result;
        } catch (err) {
          endTimer({ outcome: 'failed' });
          throw err;
        }
      },
      { connection: this.workerConnection, prefix: this.prefix, concurrency: 5 },
    );
    this.worker.on('completed', (job) => this.metrics.jobRuns.inc({ job: job.name, outcome: 'completed' }));
    this.worker.on('failed', (job, err) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      if (!final) this.retried++;
      this.metrics.jobRuns.inc({ job: job.name, outcome: final ? 'failed' : 'retried' });
      this.log[final ? 'error' : 'warn'](
        { job: job.name, attempt: job.attemptsMade, err: err.message },
        'job failed',
      );
    });
    this.worker.on('error', (err) => this.logError('worker', err));
    try {
      await withTimeout(this.worker.waitUntilReady(), 2 * CALL_TIMEOUT_MS, 'job worker start');
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'job worker waiting for redis');
    }
  }

  /** Answers within CALL_TIMEOUT_MS; with Redis down, a 503 QUEUE_UNAVAILABLE says so. */
  async stats(): Promise<QueueStats> {
    let c: Record<string, number>;
    let schedulers: Awaited<ReturnType<Queue['getJobSchedulers']>>;
    let failed: Job[];
    try {
      [c, schedulers, failed] = await withTimeout(
        Promise.all([
          this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed'),
          this.queue.getJobSchedulers(),
          this.queue.getFailed(0, 19),
        ]),
        CALL_TIMEOUT_MS,
        'queue stats',
      );
    } catch (err) {
      throw new AppError(503, 'QUEUE_UNAVAILABLE', 'The job queue (Redis) is unreachable right now.', {
        reason: (err as Error).message,
        retried: this.retried,
        schedulesPending: [...this.unregistered.keys()],
      });
    }
    return {
      kind: 'bullmq',
      counts: {
        waiting: c.waiting ?? 0,
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        completed: c.completed ?? 0,
        failed: c.failed ?? 0,
      },
      retried: this.retried,
      schedules: schedulers.map((s) => ({
        id: s.key,
        job: s.name,
        every: s.every ? Number(s.every) : undefined,
        pattern: s.pattern ?? undefined,
        next: s.next ? new Date(s.next).toISOString() : null,
      })),
      recentFailures: failed.map((j) => ({
        id: j.id ?? '',
        job: j.name,
        error: j.failedReason,
        at: new Date(j.finishedOn ?? j.timestamp).toISOString(),
        attempts: j.attemptsMade,
      })),
    };
  }

  /** The failed job with this id, or undefined; a 503 when Redis does not answer. */
  private async failedJob(id: string): Promise<Job | undefined> {
    try {
      return await withTimeout(
        (async () => {
          const job = await Job.fromId(this.queue, id);
          return job && (await job.isFailed()) ? job : undefined;
        })(),
        CALL_TIMEOUT_MS,
        'failed job lookup',
      );
    } catch (err) {
      throw new AppError(503, 'QUEUE_UNAVAILABLE', 'The job queue (Redis) is unreachable right now.', {
        reason: (err as Error).message,
      });
    }
  }

  async retryFailed(id: string): Promise<boolean> {
    const job = await this.failedJob(id);
    if (!job) return false;
    // resetAttemptsMade: a retried job gets its full number of attempts again.
    await withTimeout(job.retry('failed', { resetAttemptsMade: true }), CALL_TIMEOUT_MS, 'retry job');
    return true;
  }

  async discardFailed(id: string): Promise<boolean> {
    const job = await this.failedJob(id);
    if (!job) return false;
    await withTimeout(job.remove(), CALL_TIMEOUT_MS, 'remove job');
    return true;
  }

  /**
   * Graceful when Redis answers. Without it BullMQ's graceful close waits for Redis forever, so
   * the worker is force-closed (its jobs are retried elsewhere after their lock expires).
   */
  async close(graceMs = 10_000): Promise<void> {
    if (this.scheduleRetry) clearTimeout(this.scheduleRetry);
    if (this.scheduleCheck) clearInterval(this.scheduleCheck);
    const reachable = await withTimeout(
      this.queue.waitUntilReady().then(() => this.queue.getJobCounts('active')),
      CALL_TIMEOUT_MS,
      'queue probe',
    ).then(
      () => true,
      () => false,
    );
    const parts: [string, () => Promise<void>][] = [
      ['worker', () => this.worker?.close(!reachable) ?? Promise.resolve()],
      ['queue', () => this.queue.close()],
    ];
    for (const [name, close] of parts) {
      try {
        // A reachable worker's close waits for its running jobs: that wait is what graceMs bounds.
        const bound = name === 'worker' && reachable ? graceMs : 3 * CALL_TIMEOUT_MS;
        await withTimeout(close(), bound, `job ${name} close`);
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, 'job queue closed without redis');
      }
    }
  }
}
