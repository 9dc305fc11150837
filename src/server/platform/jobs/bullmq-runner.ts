import { Queue, Worker } from 'bullmq';
import type { ConnectionOptions, Job } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Metrics } from '../metrics/metrics.js';
import type { EnqueueOptions, JobDefinition, JobRunner, QueueStats, ScheduleDefinition } from './jobs.js';

const QUEUE = 'jobs';

/** BullMQ on Redis: enqueue from any instance, consume in ROLE=all|worker processes. */
export class BullmqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly defs = new Map<string, JobDefinition<unknown>>();
  private readonly queue: Queue;
  private worker?: Worker;
  private retried = 0;

  constructor(
    private readonly connection: ConnectionOptions,
    private readonly prefix: string,
    private readonly metrics: Metrics,
    private readonly log: FastifyBaseLogger,
  ) {
    this.queue = new Queue(QUEUE, { connection, prefix });
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

  async enqueue(name: string, data: unknown, opts: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(name, data, { ...this.jobOptions(name), delay: opts.delayMs, jobId: opts.jobId });
  }

  async schedule(def: ScheduleDefinition): Promise<void> {
    const repeat = def.every ? { every: def.every } : { pattern: def.pattern! };
    await this.queue.upsertJobScheduler(def.id, repeat, {
      name: def.job,
      data: def.data ?? {},
      opts: this.jobOptions(def.job),
    });
  }

  async start(): Promise<void> {
    this.worker = new Worker(
      QUEUE,
      async (job: Job) => {
        const def = this.defs.get(job.name);
        if (!def) throw new Error(`no handler for job ${job.name}`);
        await def.handler(job.data, { attempt: job.attemptsMade + 1 });
      },
      { connection: this.connection, prefix: this.prefix, concurrency: 5 },
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
    this.worker.on('error', (err) => this.log.error({ err }, 'job worker error'));
    await this.worker.waitUntilReady();
  }

  async stats(): Promise<QueueStats> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    const schedulers = await this.queue.getJobSchedulers();
    const failed = await this.queue.getFailed(0, 19);
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
        job: j.name,
        error: j.failedReason,
        at: new Date(j.finishedOn ?? j.timestamp).toISOString(),
        attempts: j.attemptsMade,
      })),
    };
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
