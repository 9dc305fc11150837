import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { ManualClock } from '../../platform/clock.js';
import { createInstructor, insertLessonRow } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { conversationBetween, send } from '../messaging/messaging.test-helpers.js';

type U = { token: string; id: string; email: string };
const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
let t: TestApp;
let admin: U;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.user({ roles: ['admin'], fullName: 'Ada Admin' });
});
afterAll(() => t.close());

const req = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
  t.request({ method, url: `/api/v1${url}`, token, payload });
const log = (token: string | undefined, query = '') => req('GET', `/admin/audit-log${query}`, token);

/** Every audit row about `targetId`, straight from the table. */
const entriesFor = (targetId: string) =>
  rowsOf<{ action: string; actor_id: string; target_user_id: string | null; reason: string | null }>(
    t.deps.db,
    sql`SELECT action, actor_id, target_user_id, reason FROM admin_audit_log WHERE target_id = ${targetId}`,
  );

describe('each admin action writes exactly one entry', () => {
  it('a status change: actor, target, reason, from → to; a refused one writes nothing', async () => {
    const u = await t.user({ fullName: 'Sam Subject' });
    const res = await req('POST', `/admin/users/${u.id}/status`, admin.token, {
      status: 'suspended',
      reason: 'Chargeback fraud',
    });
    expect(res.statusCode).toBe(200);
    expect(await entriesFor(u.id)).toEqual([
      { action: 'user.status_change', actor_id: admin.id, target_user_id: u.id, reason: 'Chargeback fraud' },
    ]);
    const page = (await log(admin.token, `?targetUserId=${u.id}`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      action: 'user.status_change',
      actor: { id: admin.id, name: 'Ada Admin' },
      targetUser: { id: u.id, name: 'Sam Subject' },
      targetType: 'user',
      reason: 'Chargeback fraud',
      details: { from: 'active', to: 'suspended' },
    });

    // Refused (self-lockout) and not-found changes leave no trace.
    expect(
      (await req('POST', `/admin/users/${admin.id}/status`, admin.token, { status: 'suspended' })).statusCode,
    ).toBe(422);
    expect(await entriesFor(admin.id)).toEqual([]);
  });

  it('a permission grant and a revoke, one each', async () => {
    const u = await t.user();
    expect(
      (await req('POST', `/admin/users/${u.id}/permissions/view_all_bookings`, admin.token)).statusCode,
    ).toBe(200);
    expect(
      (await req('DELETE', `/admin/users/${u.id}/permissions/create_bookings`, admin.token)).statusCode,
    ).toBe(200);
    expect(
      (await req('POST', `/admin/users/${u.id}/permissions/no_such_thing`, admin.token)).statusCode,
    ).toBe(404);
    const page = (await log(admin.token, `?targetUserId=${u.id}`)).json();
    expect(page.items.map((e: { action: string; details: object }) => [e.action, e.details])).toEqual([
      ['user.permission_revoke', { permission: 'create_bookings' }],
      ['user.permission_grant', { permission: 'view_all_bookings' }],
    ]);
  });

  it('hiding a message, with its reason and its sender as target', async () => {
    const inst = await createInstructor(t, { fullName: 'Ines Teacher' });
    const student = await t.user();
    await insertLessonRow(t, {
      instructor: inst,
      studentId: student.id,
      startsAt: '2026-11-20T14:00:00Z',
      status: 'completed',
    });
    const conv = await conversationBetween(t, student.token, inst.id);
    const sent = await send(t, student.token, conv, 'call me at 555 0100');
    expect(sent.statusCode).toBe(201);
    const mid = sent.json().id as string;
    const hide = await req('POST', `/admin/moderation/messages/${mid}/hide`, admin.token, {
      reason: 'Off-platform contact',
    });
    expect(hide.statusCode).toBe(200);
    expect(await entriesFor(mid)).toEqual([
      {
        action: 'message.hide',
        actor_id: admin.id,
        target_user_id: student.id,
        reason: 'Off-platform contact',
      },
    ]);
  });

  it('hiding a review once; the second attempt (409) writes nothing', async () => {
    const inst = await createInstructor(t, { services: [{ slug: 'piano' }] });
    const student = await t.user();
    const lesson = await insertLessonRow(t, {
      instructor: inst,
      studentId: student.id,
      startsAt: '2026-11-22T14:00:00Z',
      status: 'completed',
    });
    const rid = (
      await req('POST', `/bookings/${lesson}/review`, student.token, { rating: 1, text: 'Bad' })
    ).json().id as string;
    const hide = () =>
      req('POST', `/admin/moderation/reviews/${rid}/hide`, admin.token, { reason: 'Abusive' });
    expect((await hide()).statusCode).toBe(200);
    expect((await hide()).statusCode).toBe(409);
    expect(await entriesFor(rid)).toEqual([
      { action: 'review.hide', actor_id: admin.id, target_user_id: student.id, reason: 'Abusive' },
    ]);
  });

  it('a CSV export of a report (viewing the report itself is not an action)', async () => {
    expect((await req('GET', '/admin/analytics/search/referrers?days=7', admin.token)).statusCode).toBe(200);
    expect(await entriesFor('referrers')).toEqual([]);
    expect((await req('GET', '/admin/analytics/search/referrers.csv?days=7', admin.token)).statusCode).toBe(
      200,
    );
    const page = (await log(admin.token, '?action=analytics.csv_export')).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      targetType: 'analytics_report',
      targetId: 'referrers',
      targetUser: null,
      details: { report: 'referrers', from: '2026-11-18', to: '2026-11-24' },
    });
  });
});

describe('reading the log', () => {
  it('is for admins holding view_audit_log: anonymous 401, student and instructor 403', async () => {
    const student = await t.user();
    const inst = await createInstructor(t);
    expect((await log(undefined)).statusCode).toBe(401);
    expect((await log(student.token)).statusCode).toBe(403);
    expect((await log(inst.token)).statusCode).toBe(403);
    const other = await t.user({ roles: ['admin'] });
    expect(
      (await req('DELETE', `/admin/users/${other.id}/permissions/view_audit_log`, admin.token)).statusCode,
    ).toBe(200);
    expect((await log(other.token)).statusCode).toBe(403);
    expect((await log(admin.token)).statusCode).toBe(200);
  });

  it('filters by actor and pages newest first with a cursor', async () => {
    const second = await t.user({ roles: ['admin'], fullName: 'Bo Second' });
    const u = await t.user();
    for (const status of ['suspended', 'active', 'suspended'] as const) {
      await req('POST', `/admin/users/${u.id}/status`, second.token, { status, reason: `to ${status}` });
    }
    const first = (await log(admin.token, `?actorId=${second.id}&limit=2`)).json();
    expect(first.items.map((e: { reason: string }) => e.reason)).toEqual(['to suspended', 'to active']);
    expect(first.nextCursor).toMatch(/^a\d+$/);
    const next = (await log(admin.token, `?actorId=${second.id}&limit=2&before=${first.nextCursor}`)).json();
    expect(next).toMatchObject({
      items: [{ reason: 'to suspended', details: { from: 'active', to: 'suspended' } }],
      nextCursor: null,
    });
  });

  it('refuses unknown filters and malformed ids or cursors with 400', async () => {
    for (const q of ['?action=user.nuke', '?actorId=nope', '?before=xyz', '?limit=500', '?who=me']) {
      const res = await log(admin.token, q);
      expect([q, res.statusCode]).toEqual([q, 400]);
      expect(res.json().error.code).toBeDefined();
    }
  });
});
