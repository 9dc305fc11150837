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
      /outcome="completed"\} 1/.test(await metrics.registry.getSingleMetricAsString('job_runs_total')),
    );
    expect(attempts).toEqual([1, 2, 3]);
    const text = await metrics.registry.getSingleMetricAsString('job_runs_total');
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
