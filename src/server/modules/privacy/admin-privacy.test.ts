import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { ManualClock } from '../../platform/clock.js';
import { createInstructor, insertLessonRow } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { TEST_PASSWORD, createTestApp } from '../../testing/test-app.js';

const clock = new ManualClock(new Date('2026-06-15T16:00:00Z'));
let t: TestApp;
let admin: { token: string; id: string };

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

const exportOf = (id: string, token?: string) =>
  t.request({ method: 'GET', url: `/api/v1/admin/privacy/users/${id}/export`, token });
const del = (id: string, token: string | undefined, payload: object) =>
  t.request({ method: 'POST', url: `/api/v1/admin/privacy/users/${id}/delete`, token, payload });
const audit = (targetId: string) =>
  rowsOf<{ action: string; actor_id: string; reason: string | null; details: Record<string, unknown> }>(
    t.deps.db,
    sql`SELECT action, actor_id, reason, details FROM admin_audit_log WHERE target_id = ${targetId}`,
  );

describe('admin export of an account', () => {
  it('owner, other user and instructor 403, anonymous 401; admin gets that account’s data, audited once', async () => {
    const subject = await t.user({ fullName: 'Sue Subject' });
    const other = await t.user();
    const inst = await createInstructor(t);
    expect((await exportOf(subject.id)).statusCode).toBe(401);
    expect((await exportOf(subject.id, subject.token)).statusCode).toBe(403);
    expect((await exportOf(subject.id, other.token)).statusCode).toBe(403);
    expect((await exportOf(subject.id, inst.token)).statusCode).toBe(403);
    expect(await audit(subject.id)).toEqual([]);

    const res = await exportOf(subject.id, admin.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.json().profile).toMatchObject({
      id: subject.id,
      email: subject.email,
      full_name: 'Sue Subject',
    });
    expect(res.body).not.toContain(other.email);
    expect(await audit(subject.id)).toEqual([
      { action: 'privacy.export', actor_id: admin.id, reason: null, details: {} },
    ]);
  });

  it('is 404 for an unknown or malformed id', async () => {
    expect((await exportOf(randomUUID(), admin.token)).statusCode).toBe(404);
    expect((await exportOf('not-an-id', admin.token)).statusCode).toBe(404);
  });
});

describe('admin deletion of an account', () => {
  it('owner, other user and anonymous are refused; a reason is required; nothing changes', async () => {
    const subject = await t.user();
    const other = await t.user();
    const body = { reason: 'Asked by email' };
    expect((await del(subject.id, undefined, body)).statusCode).toBe(401);
    expect((await del(subject.id, subject.token, body)).statusCode).toBe(403);
    expect((await del(subject.id, other.token, body)).statusCode).toBe(403);
    expect((await del(subject.id, admin.token, {})).statusCode).toBe(400);
    expect((await del(subject.id, admin.token, { reason: '   ' })).statusCode).toBe(400);
    expect((await del(subject.id, admin.token, { ...body, extra: 1 })).statusCode).toBe(400);
    expect((await del(randomUUID(), admin.token, body)).statusCode).toBe(404);
    expect((await del(admin.id, admin.token, body)).statusCode).toBe(422);
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', token: subject.token });
    expect(me.json().user.id).toBe(subject.id);
    expect(await audit(subject.id)).toEqual([]);
  });

  it('erases a student with a reason, cancels their lesson free, audits once; a second delete is 404', async () => {
    const teacher = await createInstructor(t);
    const s = await t.user({ fullName: 'Gone Student' });
    const lesson = await insertLessonRow(t, {
      instructor: teacher,
      studentId: s.id,
      startsAt: '2026-06-20T14:00:00Z',
    });
    const res = await del(s.id, admin.token, { reason: 'Verified erasure request #42' });
    expect([res.statusCode, res.json()]).toEqual([200, { deleted: true, cancelledLessons: 1 }]);
    const [b] = await rowsOf<{ status: string; cancellation_fee_cents: number }>(
      t.deps.db,
      sql`SELECT status, cancellation_fee_cents FROM bookings WHERE id = ${lesson}`,
    );
    expect(b).toEqual({ status: 'cancelled', cancellation_fee_cents: 0 });
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', token: s.token })).statusCode).toBe(401);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect(await audit(s.id)).toEqual([
      {
        action: 'privacy.delete',
        actor_id: admin.id,
        reason: 'Verified erasure request #42',
        details: { forced: false, cancelledLessons: 1 },
      },
    ]);
    expect((await del(s.id, admin.token, { reason: 'again' })).statusCode).toBe(404);
    expect(await audit(s.id)).toHaveLength(1);
  });

  it('an instructor with lessons ahead is 409 naming the count; force cancels them free and tells the students', async () => {
    const ins = await createInstructor(t, { fullName: 'Ivy Busy' });
    const a = await t.user();
    const b = await t.user();
    const past = await insertLessonRow(t, {
      instructor: ins,
      studentId: a.id,
      startsAt: '2026-06-01T14:00:00Z',
      status: 'completed',
    });
    const l1 = await insertLessonRow(t, {
      instructor: ins,
      studentId: a.id,
      startsAt: '2026-06-20T14:00:00Z',
    });
    const l2 = await insertLessonRow(t, {
      instructor: ins,
      studentId: b.id,
      startsAt: '2026-06-21T14:00:00Z',
    });

    const refused = await del(ins.id, admin.token, { reason: 'Fraud' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'HAS_FUTURE_LESSONS', details: { count: 2 } });
    expect(await audit(ins.id)).toEqual([]);

    const forced = await del(ins.id, admin.token, { reason: 'Fraud', force: true });
    expect([forced.statusCode, forced.json()]).toEqual([200, { deleted: true, cancelledLessons: 2 }]);
    const lessons = await rowsOf<{ id: string; status: string; fee: number | null; by: string | null }>(
      t.deps.db,
      sql`SELECT id, status, cancellation_fee_cents AS fee, cancelled_by AS by FROM bookings
          WHERE id IN (${past}, ${l1}, ${l2}) ORDER BY starts_at`,
    );
    expect(lessons).toEqual([
      { id: past, status: 'completed', fee: null, by: null },
      { id: l1, status: 'cancelled', fee: 0, by: 'system' },
      { id: l2, status: 'cancelled', fee: 0, by: 'system' },
    ]);
    for (const student of [a, b]) {
      const [mail] = await rowsOf<{ n: number }>(
        t.deps.db,
        sql`SELECT count(*)::int AS n FROM email_outbox WHERE to_address = ${student.email} AND template LIKE '%cancel%'`,
      );
      expect([student.email, mail!.n]).toEqual([student.email, 1]);
    }
    // Nothing addressed to, or naming, the erased instructor is left in the outbox.
    const [left] = await rowsOf<{ n: number }>(
      t.deps.db,
      sql`SELECT count(*)::int AS n FROM email_outbox WHERE to_address = ${ins.email} OR text_body LIKE '%Ivy%'`,
    );
    expect(left!.n).toBe(0);
    expect(await audit(ins.id)).toEqual([
      {
        action: 'privacy.delete',
        actor_id: admin.id,
        reason: 'Fraud',
        details: { forced: true, cancelledLessons: 2 },
      },
    ]);
    const [svc] = await rowsOf<{ active: number }>(
      t.deps.db,
      sql`SELECT count(*) FILTER (WHERE active)::int AS active FROM instructor_services WHERE instructor_id = ${ins.id}`,
    );
    expect(svc!.active).toBe(0);
  });
});
