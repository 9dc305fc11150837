import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Metrics } from '../metrics/metrics.js';
import { BullmqJobRunner } from './bullmq-runner.js';
import { InlineJobRunner } from './inline-runner.js';
import type { JobRunner } from './jobs.js';
import { TestRedisServer, hasRedisServer } from '../redis/test-redis-server.js';

const log = pino({ level: 'silent' });
const newMetrics = () => new Metrics(() => ({ total: 0, idle: 0, waiting: 0, max: 0 }), false);

const runners: { name: string; make: (m: Metrics) => JobRunner }[] = [
  { name: 'in-process runner', make: (m) => new InlineJobRunner(m, log) },
];
if (process.env.REDIS_URL) {
  runners.push({
    name: 'BullMQ runner',
    make: (m) =>
      new BullmqJobRunner(
        { url: process.env.REDIS_URL, maxRetriesPerRequest: null },
        `t:${randomBytes(4).toString('hex')}:bull`,
        m,
        log,
      ),
  });
}

const waitFor = async (cond: () => boolean | Promise<boolean>, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(runners)('$name', ({ make }) => {
  let runner: JobRunner;
  afterEach(() => runner.close());

  it('close lets a running job finish before it resolves (graceful shutdown)', async () => {
    runner = make(newMetrics());
    let started = false;
    let finished = false;
    runner.define({
      name: 'slow',
      handler: async () => {
        started = true;
        await new Promise((r) => setTimeout(r, 400));
        finished = true;
      },
    });
    await runner.start();
    await runner.enqueue('slow', {});
    await waitFor(() => started);
    await runner.close(5000);
    expect(finished).toBe(true);
  });

  it('close stops waiting for a running job once its grace has passed', async () => {
    runner = make(newMetrics());
    let started = false;
    let release = () => {};
    runner.define({
      name: 'stuck',
      handler: () =>
        new Promise<void>((r) => {
          started = true;
          release = r;
        }),
    });
    await runner.start();
    await runner.enqueue('stuck', {});
    await waitFor(() => started);
    const t = Date.now();
    await runner.close(300);
    expect(Date.now() - t).toBeLessThan(2500);
    release();
  });

  it('runs an enqueued job with its data', async () => {
    const metrics = newMetrics();
    runner = make(metrics);
    const seen: unknown[] = [];
    runner.define<{ n: number }>({ name: 'double', handler: async ({ n }) => void seen.push(n * 2) });
    await runner.start();
    await runner.enqueue('double', { n: 21 });
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual([42]);
  });

  it('retries a failing job with backoff until it succeeds, and counts the retries', async () => {
    const metrics = newMetrics();
    runner = make(metrics);
    const attempts: number[] = [];
    runner.define({
      name: 'flaky',
      attempts: 3,
      backoffMs: 20,
      handler: async (_d, ctx) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error('not yet');
      },
    });
    await runner.start();
    await runner.enqueue('flaky', {});
    await waitFor(() => attempts.length === 3);
    await waitFor(async () =>
      /outcome="completed"\} 1/.test(
        await metrics.registry.getSingleMetricAsString('instainstru_job_runs_total'),
      ),
    );
    expect(attempts).toEqual([1, 2, 3]);
    const text = await metrics.registry.getSingleMetricAsString('instainstru_job_runs_total');
    expect(text).toMatch(/job="flaky",outcome="retried"\} 2/);
    expect((await runner.stats()).retried).toBe(2);
  });

  it('gives up after the last attempt and records the failure', async () => {
    runner = make(newMetrics());
    let tries = 0;
    runner.define({
      name: 'doomed',
      attempts: 2,
      backoffMs: 10,
      handler: async () => {
        tries++;
        throw new Error('boom');
      },
    });
    await runner.start();
    await runner.enqueue('doomed', {});
    await waitFor(async () => (await runner.stats()).counts.failed === 1);
    const stats = await runner.stats();
    expect(tries).toBe(2);
    expect(stats.recentFailures[0]).toMatchObject({ job: 'doomed', error: 'boom' });
  });

  it('a failed job can be retried from its first attempt, and discarded; unknown ids are refused', async () => {
    runner = make(newMetrics());
    await retryAndDiscardFailedJobs(runner);
  });

  it('times every attempt in the job duration histogram', async () => {
    const metrics = newMetrics();
    runner = make(metrics);
    runner.define({ name: 'timed', attempts: 1, handler: async () => {} });
    await runner.start();
    await runner.enqueue('timed', {});
    const count = async () =>
      /instainstru_job_duration_seconds_count\{job="timed",outcome="completed"\} 1/.test(
        await metrics.registry.getSingleMetricAsString('instainstru_job_duration_seconds'),
      );
    await waitFor(count);
  });

  it('fires a scheduled job repeatedly', async () => {
    runner = make(newMetrics());
    let runs = 0;
    runner.define({ name: 'tick', handler: async () => void runs++ });
    await runner.schedule({ id: 'tick-every-100ms', job: 'tick', every: 100 });
    await runner.start();
    await waitFor(() => runs >= 2);
    const stats = await runner.stats();
    expect(stats.schedules.map((s) => s.id)).toContain('tick-every-100ms');
  });
});

/** Shared by both runners: the operations page's retry and discard act the same on either. */
async function retryAndDiscardFailedJobs(runner: JobRunner) {
  let healthy = false;
  const runs: number[] = [];
  runner.define({
    name: 'fragile',
    attempts: 2,
    backoffMs: 10,
    handler: async (_d, ctx) => {
      runs.push(ctx.attempt);
      if (!healthy) throw new Error('downstream is down');
    },
  });
  await runner.start();
  await runner.enqueue('fragile', { n: 1 });
  await runner.enqueue('fragile', { n: 2 });
  await waitFor(async () => (await runner.stats()).counts.failed === 2);
  const [first, second] = (await runner.stats()).recentFailures;
  expect(first!.id).not.toBe(second!.id);
  expect(first).toMatchObject({ job: 'fragile', error: 'downstream is down', attempts: 2 });

  expect(await runner.retryFailed('no-such-job')).toBe(false);
  expect(await runner.discardFailed('no-such-job')).toBe(false);

  healthy = true;
  runs.length = 0;
  expect(await runner.retryFailed(first!.id)).toBe(true);
  await waitFor(() => runs.length === 1);
  // A retried job starts over: attempt 1 again, not a third attempt.
  expect(runs).toEqual([1]);
  await waitFor(async () => (await runner.stats()).counts.failed === 1);
  expect(await runner.retryFailed(first!.id)).toBe(false);

  expect(await runner.discardFailed(second!.id)).toBe(true);
  const after = await runner.stats();
  expect(after.counts.failed).toBe(0);
  expect(after.recentFailures).toEqual([]);
  expect(runs).toEqual([1]);
}

describe.skipIf(!hasRedisServer || !!process.env.REDIS_URL)('BullMQ runner on a local Redis', () => {
  let redis: TestRedisServer;
  let runner: BullmqJobRunner;
  afterEach(async () => {
    await runner.close();
    await redis.kill();
  });

  it('a failed job can be retried from its first attempt, and discarded', async () => {
    redis = await TestRedisServer.start();
    runner = new BullmqJobRunner({ url: redis.url, maxRetriesPerRequest: null }, 't:bull', newMetrics(), log);
    await retryAndDiscardFailedJobs(runner);
  });
});

describe.skipIf(!hasRedisServer)('BullMQ runner on a Redis that restarts empty', () => {
  let redis: TestRedisServer;
  let runner: BullmqJobRunner;
  afterEach(async () => {
    await runner.close();
    await redis.kill();
  });

  it('registers its schedules again, and they fire again', async () => {
    redis = await TestRedisServer.start();
    runner = new BullmqJobRunner(
      { url: redis.url, maxRetriesPerRequest: null },
      't:bull',
      newMetrics(),
      log,
      200,
    );
    let runs = 0;
    runner.define({ name: 'tick', handler: async () => void runs++ });
    await runner.schedule({ id: 'tick-every-100ms', job: 'tick', every: 100 });
    await runner.start();
    await waitFor(() => runs >= 1);

    await redis.kill();
    await redis.restart(); // no persistence: the scheduler is gone
    const before = runs;
    await waitFor(async () => {
      const stats = await runner.stats().catch(() => null);
      return !!stats?.schedules.some((s) => s.id === 'tick-every-100ms');
    });
    await waitFor(() => runs > before);
  });
});
