import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '../../db/schema/index.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: { token: string; id: string };
let student: { token: string; id: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user({ roles: ['admin'] });
  student = await t.user();
});
afterAll(() => t.close());

const get = (url: string, token?: string) => t.request({ method: 'GET', url, token });
const post = (url: string, token?: string) => t.request({ method: 'POST', url, token });

const PAGES = ['database', 'redis', 'queues', 'outbox'];

describe('who may see operations', () => {
  it.each(PAGES)('%s: 401 anonymous, 403 without access_monitoring', async (page) => {
    expect((await get(`/api/v1/admin/ops/${page}`)).statusCode).toBe(401);
    const res = await get(`/api/v1/admin/ops/${page}`, student.token);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBeTruthy();
  });

  it('actions: 401 anonymous, 403 without access_monitoring', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      `/api/v1/admin/ops/queues/failed/x/retry`,
      `/api/v1/admin/ops/queues/failed/x/discard`,
      `/api/v1/admin/ops/outbox/${id}/resend`,
    ]) {
      expect((await post(url)).statusCode).toBe(401);
      expect((await post(url, student.token)).statusCode).toBe(403);
    }
  });

  it('unknown query parameters are refused', async () => {
    expect((await get('/api/v1/admin/ops/database?x=1', admin.token)).statusCode).toBe(400);
    expect((await get('/api/v1/admin/ops/outbox?limit=1000', admin.token)).statusCode).toBe(400);
  });
});

describe('database', () => {
  it('names the embedded driver and version, the pool, every table with sizes and the migrations', async () => {
    const res = await get('/api/v1/admin/ops/database', admin.token);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.driver).toBe(t.deps.database.driver);
    expect(body.version).toMatch(/PostgreSQL \d+/);
    expect(body.tier).toBe('test');
    expect(body.pool.max).toBeGreaterThanOrEqual(1);
    const users = body.tables.find((x: { name: string }) => x.name === 'users');
    expect(users.bytes).toBeGreaterThan(0);
    expect(body.migrations.applied).toBe(body.migrations.expected);
    expect(body.migrations.latest).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    if (t.deps.database.driver === 'pglite') expect(body.slowestStatements).toBeNull();
  });
});

describe('redis', () => {
  it('says "not configured" in embedded mode', async () => {
    const body = (await get('/api/v1/admin/ops/redis', admin.token)).json();
    if (t.deps.redis) expect(body.status).toBe('connected');
    else expect(body).toEqual({ status: 'not_configured', detail: expect.any(String) });
  });
});

describe('job queues', () => {
  it('lists a failed job with its error; retry runs it again, discard forgets it, unknown ids are 404', async () => {
    let healthy = false;
    const runs: string[] = [];
    t.deps.jobs.define<{ tag: string }>({
      name: 'ops-test-job',
      attempts: 1,
      handler: async ({ tag }) => {
        // BullMQ runs a new schedule at once (without a tag); only the tagged runs are under test.
        if (tag === undefined) return;
        runs.push(tag);
        if (!healthy) throw new Error(`refused ${tag}`);
      },
    });
    // A shared Redis may hold other tests' failed jobs: count from what is there now.
    const base = (await get('/api/v1/admin/ops/queues', admin.token)).json().queues[0]?.counts.failed ?? 0;
    await t.deps.jobs.schedule({ id: 'ops-test-hourly', job: 'ops-test-job', every: 3_600_000 });
    await t.deps.jobs.enqueue('ops-test-job', { tag: 'a' });
    await t.deps.jobs.enqueue('ops-test-job', { tag: 'b' });
    await t.drainJobs();
    const before = (await get('/api/v1/admin/ops/queues', admin.token)).json();
    expect(before.runner).toBe(t.deps.jobs.kind);
    expect(before.queues[0].counts.failed).toBe(base + 2);
    const schedule = before.schedules.find((x: { id: string }) => x.id === 'ops-test-hourly');
    expect(schedule).toMatchObject({ job: 'ops-test-job', every: 3_600_000 });
    expect(Date.parse(schedule.next)).toBeGreaterThan(Date.now());
    const failedA = before.failed.find((f: { error: string }) => f.error === 'refused a');
    const failedB = before.failed.find((f: { error: string }) => f.error === 'refused b');
    expect(failedA).toMatchObject({ job: 'ops-test-job', attempts: 1 });

    expect((await post('/api/v1/admin/ops/queues/failed/nope/retry', admin.token)).statusCode).toBe(404);
    expect((await post('/api/v1/admin/ops/queues/failed/nope/discard', admin.token)).statusCode).toBe(404);

    healthy = true;
    const retried = await post(`/api/v1/admin/ops/queues/failed/${failedA.id}/retry`, admin.token);
    expect(retried.json()).toEqual({ id: failedA.id, action: 'retried' });
    await t.drainJobs();
    // A job BullMQ retries is picked up by its worker a moment later.
    for (let i = 0; i < 100 && runs.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(runs).toEqual(['a', 'b', 'a']);
    const discarded = await post(`/api/v1/admin/ops/queues/failed/${failedB.id}/discard`, admin.token);
    expect(discarded.json()).toEqual({ id: failedB.id, action: 'discarded' });

    const after = (await get('/api/v1/admin/ops/queues', admin.token)).json();
    expect(after.queues[0].counts.failed).toBe(base);
    expect(after.failed.filter((f: { id: string }) => [failedA.id, failedB.id].includes(f.id))).toEqual([]);
    expect((await post(`/api/v1/admin/ops/queues/failed/${failedA.id}/retry`, admin.token)).statusCode).toBe(
      404,
    );
  });
});

describe('email outbox', () => {
  it('counts by status, previews messages, and refuses a resend without SMTP', async () => {
    const [row] = await t.deps.db
      .insert(emailOutbox)
      .values({
        toAddress: 'someone@example.com',
        subject: 'Your lesson',
        textBody: 'x'.repeat(1000),
        template: 'booking_confirmation',
        status: 'failed',
        attempts: 5,
        error: 'connection refused',
      })
      .returning();
    const body = (await get('/api/v1/admin/ops/outbox?status=failed', admin.token)).json();
    expect(body.delivering).toBe(false);
    expect(body.counts.failed).toBeGreaterThanOrEqual(1);
    const msg = body.messages.find((m: { id: string }) => m.id === row!.id);
    expect(msg).toMatchObject({ status: 'failed', error: 'connection refused', to: 'someone@example.com' });
    expect(msg.preview).toHaveLength(300);
    const resend = await post(`/api/v1/admin/ops/outbox/${row!.id}/resend`, admin.token);
    expect(resend.statusCode).toBe(409);
    expect(resend.json().error.code).toBe('MAIL_NOT_CONFIGURED');
  });

  it('a bad id is 400 and an unknown one 404', async () => {
    expect((await post('/api/v1/admin/ops/outbox/not-a-uuid/resend', admin.token)).statusCode).toBe(400);
    expect(
      (await post('/api/v1/admin/ops/outbox/00000000-0000-4000-8000-000000000000/resend', admin.token))
        .statusCode,
    ).toBe(404);
  });
});

describe('email outbox with SMTP configured', () => {
  let s: TestApp;
  let sAdmin: { token: string };
  beforeAll(async () => {
    // Nothing listens on port 9: delivery keeps failing, which is all this test needs.
    s = await createTestApp({ config: { smtpUrl: 'smtp://127.0.0.1:9' } });
    sAdmin = await s.user({ roles: ['admin'] });
  });
  afterAll(() => s.close());

  it('resends a failed message with fresh attempts; a message that is not failed is 409', async () => {
    const [row] = await s.deps.db
      .insert(emailOutbox)
      .values({
        toAddress: 'someone@example.com',
        subject: 'Hi',
        textBody: 'Hello',
        template: 'test',
        status: 'failed',
        attempts: 5,
        error: 'gave up',
        // Far in the future: the relay leaves the row alone until the resend makes it due.
        nextAttemptAt: new Date(Date.now() + 86_400_000),
      })
      .returning();
    const resend = (id: string) =>
      s.request({ method: 'POST', url: `/api/v1/admin/ops/outbox/${id}/resend`, token: sAdmin.token });
    const res = await resend(row!.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: row!.id, status: 'queued' });
    const [now] = await s.deps.db.select().from(emailOutbox).where(eq(emailOutbox.id, row!.id));
    // Queued again, or already tried once more and queued for its next attempt.
    expect(now!.status).toBe('queued');
    expect(now!.attempts).toBeLessThanOrEqual(1);
    const again = await resend(row!.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NOT_FAILED');
  });
});

describe('/metrics', () => {
  it('exposes queue depth by state, outbox size and age, booking outcomes and query durations', async () => {
    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: student.token,
      payload: {},
    });
    const code = refused.json().error.code as string;
    const text = (await get('/metrics')).body;
    expect(text).toContain(
      `instainstru_booking_outcomes_total{status_code="${refused.statusCode}",code="${code}"} 1`,
    );
    expect(text).toMatch(/instainstru_job_queue_jobs\{queue="jobs",state="waiting"\} \d+/);
    expect(text).toMatch(/instainstru_job_queue_jobs\{queue="jobs",state="failed"\} \d+/);
    expect(text).toMatch(/instainstru_outbox_messages\{status="failed"\} [1-9]/);
    expect(text).toMatch(/instainstru_outbox_oldest_unsent_age_seconds \d/);
    expect(text).toMatch(/instainstru_db_query_duration_seconds_count\{operation="select"\} [1-9]/);
    expect(text).toMatch(/instainstru_sse_connections 0/);
  });
});
