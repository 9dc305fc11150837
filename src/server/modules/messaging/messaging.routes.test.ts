import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, messages } from '../../db/schema/index.js';
import { insertLessonRow } from '../../testing/fixtures.js';
import type { InstructorFixture } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { book, lessonBody, pianoTeacher } from '../bookings/bookings.test-helpers.js';
import { localDate } from '../../testing/fixtures.js';
import { MASK } from './contact-masking.js';
import { conversationBetween, history, openConversation, send } from './messaging.test-helpers.js';

type U = { token: string; id: string; email: string };
let t: TestApp;
let admin: U;
beforeAll(async () => {
  t = await createTestApp({ config: { bookingsPerUserPerMin: 1000, messagesPerUserPerMin: 1000 } });
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

const newPair = async (): Promise<{ inst: InstructorFixture; student: U; cid: string }> => {
  const inst = await pianoTeacher(t);
  const student = await t.user({ fullName: 'Sam Student' });
  return { inst, student, cid: await conversationBetween(t, student.token, inst.id) };
};

describe('opening a conversation', () => {
  it('gives a student one conversation per instructor: 201 the first time, 200 after', async () => {
    const inst = await pianoTeacher(t, { fullName: 'Ina Piano' });
    const s = await t.user({ fullName: 'Sam Student' });
    const first = await openConversation(t, s.token, { instructorId: inst.id });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      student: { id: s.id, name: 'Sam Student' },
      instructor: { id: inst.id, name: 'Ina Piano' },
      unreadCount: 0,
      blockedByMe: false,
      contactDetails: { masked: true },
    });
    const again = await openConversation(t, s.token, { instructorId: inst.id });
    expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);
  });

  it('answers 404 for someone who is not an active instructor, and for a malformed id', async () => {
    const s = await t.user();
    const plain = await t.user();
    for (const instructorId of [plain.id, randomUUID(), 'nope']) {
      expect((await openConversation(t, s.token, { instructorId })).statusCode).toBe(404);
    }
  });

  it('lets an instructor open one only with a student of one of their lessons', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    expect((await openConversation(t, inst.token, { studentId: s.id })).statusCode).toBe(404);
    await insertLessonRow(t, {
      instructor: inst,
      studentId: s.id,
      startsAt: '2026-01-05T15:00:00Z',
      status: 'cancelled',
    });
    const res = await openConversation(t, inst.token, { studentId: s.id });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ student: { id: s.id }, instructor: { id: inst.id } });
  });

  it('refuses a body naming both sides or unknown fields, and anonymous callers', async () => {
    const s = await t.user();
    const id = randomUUID();
    expect((await openConversation(t, s.token, { instructorId: id, studentId: id })).statusCode).toBe(400);
    expect((await openConversation(t, s.token, { instructorId: id, extra: 1 })).statusCode).toBe(400);
    const anon = await t.request({
      method: 'POST',
      url: '/api/v1/conversations',
      payload: { instructorId: id },
    });
    expect(anon.statusCode).toBe(401);
  });
});

describe('who may use a conversation', () => {
  it('answers the participant, 404 to another user and to an admin, 401 to a guest', async () => {
    const { student, cid } = await newPair();
    const posted = await send(t, student.token, cid, 'Hello');
    const messageId = posted.json().id as string;
    const other = await t.user();
    const routes: { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: unknown; ok: number }[] = [
      { method: 'GET', url: `/api/v1/conversations/${cid}`, ok: 200 },
      { method: 'GET', url: `/api/v1/conversations/${cid}/messages`, ok: 200 },
      {
        method: 'POST',
        url: `/api/v1/conversations/${cid}/messages`,
        payload: { body: 'hi', clientMessageId: 'x1' },
        ok: 201,
      },
      { method: 'POST', url: `/api/v1/conversations/${cid}/read`, ok: 200 },
      { method: 'POST', url: `/api/v1/conversations/${cid}/block`, ok: 200 },
      { method: 'DELETE', url: `/api/v1/conversations/${cid}/block`, ok: 200 },
    ];
    for (const r of routes) {
      const as = (token?: string) =>
        t.request({ method: r.method, url: r.url, payload: r.payload as never, token });
      expect([r.url, (await as(other.token)).statusCode]).toEqual([r.url, 404]);
      expect([r.url, (await as(admin.token)).statusCode]).toEqual([r.url, 404]);
      expect([r.url, (await as()).statusCode]).toEqual([r.url, 401]);
      expect([r.url, (await as(student.token)).statusCode]).toEqual([r.url, r.ok]);
    }
    const report = (token?: string) =>
      t.request({
        method: 'POST',
        url: `/api/v1/messages/${messageId}/report`,
        payload: { reason: 'spam' },
        token,
      });
    expect((await report(other.token)).statusCode).toBe(404);
    expect((await report(admin.token)).statusCode).toBe(404);
    expect((await report()).statusCode).toBe(401);
    // Nothing any refused call did left a trace.
    const rows = await t.deps.db.select().from(messages).where(eq(messages.conversationId, cid));
    expect(rows.map((m) => m.body).sort()).toEqual(['Hello', 'hi']);
  });

  it('opens any conversation to moderators only', async () => {
    const { student, cid } = await newPair();
    await send(t, student.token, cid, 'mail me: sam@example.com');
    const urls = [
      `/api/v1/admin/moderation/conversations/${cid}`,
      `/api/v1/admin/moderation/conversations/${cid}/messages`,
      '/api/v1/admin/moderation/reports',
    ];
    for (const url of urls) {
      expect((await t.request({ method: 'GET', url, token: student.token })).statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
      expect((await t.request({ method: 'GET', url, token: admin.token })).statusCode).toBe(200);
    }
    const msgs = await t.request({ method: 'GET', url: urls[1]!, token: admin.token });
    expect(msgs.json().items[0]).toMatchObject({ body: 'mail me: sam@example.com', masked: false });
    const missing = `/api/v1/admin/moderation/conversations/${randomUUID()}`;
    expect((await t.request({ method: 'GET', url: missing, token: admin.token })).statusCode).toBe(404);
  });
});

describe('messages', () => {
  it('keeps one message for a retried clientMessageId', async () => {
    const { student, cid } = await newPair();
    const first = await send(t, student.token, cid, 'Are you free Tuesday?', 'client-1');
    const retry = await send(t, student.token, cid, 'Are you free Tuesday?', 'client-1');
    expect(first.statusCode).toBe(201);
    expect([retry.statusCode, retry.json().id]).toEqual([200, first.json().id]);
    const rows = await t.deps.db.select().from(messages).where(eq(messages.conversationId, cid));
    expect(rows).toHaveLength(1);
  });

  it('keeps one message when the same clientMessageId arrives in concurrent requests', async () => {
    const { student, cid } = await newPair();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const post = () =>
      fetch(`${address}/api/v1/conversations/${cid}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${student.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ body: 'Only once', clientMessageId: 'same-id' }),
      });
    const answers = await Promise.all(Array.from({ length: 8 }, post));
    const statuses = answers.map((a) => a.status).sort();
    const ids = new Set(await Promise.all(answers.map(async (a) => ((await a.json()) as { id: string }).id)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    expect(ids.size).toBe(1);
    const rows = await t.deps.db.select().from(messages).where(eq(messages.conversationId, cid));
    expect(rows).toHaveLength(1);
  });

  it('refuses an empty, over-long or control-character body', async () => {
    const { student, cid } = await newPair();
    for (const body of ['', '   ', 'x'.repeat(2001), 'bell\u0007', 'nul\u0000']) {
      expect((await send(t, student.token, cid, body)).statusCode).toBe(400);
    }
    expect((await send(t, student.token, cid, 'x'.repeat(2000))).statusCode).toBe(201);
    expect((await send(t, student.token, cid, 'two\nlines')).statusCode).toBe(201);
  });

  it('pages history newest first with a cursor', async () => {
    const { student, inst, cid } = await newPair();
    for (let i = 1; i <= 5; i++) await send(t, i % 2 ? student.token : inst.token, cid, `m${i}`);
    const p1 = await history(t, student.token, cid, '?limit=2');
    expect(p1.json().items.map((m: { body: string }) => m.body)).toEqual(['m5', 'm4']);
    const p2 = await history(t, student.token, cid, `?limit=2&before=${p1.json().nextCursor}`);
    expect(p2.json().items.map((m: { body: string }) => m.body)).toEqual(['m3', 'm2']);
    const p3 = await history(t, student.token, cid, `?limit=2&before=${p2.json().nextCursor}`);
    expect(p3.json()).toMatchObject({ items: [{ body: 'm1' }], nextCursor: null });
    expect((await history(t, student.token, cid, '?before=garbage')).statusCode).toBe(400);
  });

  it('counts unread per conversation and in total, and clears them on reading with receipts', async () => {
    const inst = await pianoTeacher(t);
    const a = await t.user();
    const b = await t.user();
    const ca = await conversationBetween(t, a.token, inst.id);
    const cb = await conversationBetween(t, b.token, inst.id);
    await send(t, a.token, ca, 'one');
    await send(t, a.token, ca, 'two');
    await send(t, b.token, cb, 'three');
    const list = await t.request({ method: 'GET', url: '/api/v1/conversations', token: inst.token });
    expect(list.json()).toMatchObject({ total: 2, unreadTotal: 3 });
    const counts = Object.fromEntries(
      list.json().items.map((c: { id: string; unreadCount: number }) => [c.id, c.unreadCount]),
    );
    expect(counts).toEqual({ [ca]: 2, [cb]: 1 });
    const read = await t.request({
      method: 'POST',
      url: `/api/v1/conversations/${ca}/read`,
      token: inst.token,
    });
    expect(read.json().unreadCount).toBe(0);
    const after = await t.request({ method: 'GET', url: '/api/v1/conversations', token: inst.token });
    expect(after.json().unreadTotal).toBe(1);
    const seen = await history(t, a.token, ca);
    expect(seen.json().items.every((m: { readAt: string | null }) => m.readAt !== null)).toBe(true);
  });
});

describe('blocking', () => {
  it('stops the blocked person from writing (403 BLOCKED) and from booking (422 INSTRUCTOR_UNAVAILABLE)', async () => {
    const { inst, student, cid } = await newPair();
    const blocked = await t.request({
      method: 'POST',
      url: `/api/v1/conversations/${cid}/block`,
      token: inst.token,
    });
    expect(blocked.json()).toMatchObject({ blockedByMe: true, blockedByThem: false });
    const res = await send(t, student.token, cid, 'hello?');
    expect([res.statusCode, res.json().error.code]).toEqual([403, 'BLOCKED']);
    const tomorrow = localDate(t.deps.clock.now(), 1);
    const booking = await book(t, student.token, lessonBody(inst.offerings[0]!.id, tomorrow, '10:00'));
    expect([booking.statusCode, booking.json().error.code]).toEqual([422, 'INSTRUCTOR_UNAVAILABLE']);
    // Someone else still books the same time.
    const other = await t.user();
    expect(
      (await book(t, other.token, lessonBody(inst.offerings[0]!.id, tomorrow, '10:00'))).statusCode,
    ).toBe(201);
    await t.request({ method: 'DELETE', url: `/api/v1/conversations/${cid}/block`, token: inst.token });
    expect((await send(t, student.token, cid, 'hello again')).statusCode).toBe(201);
  });
});

describe('contact details', () => {
  it('are masked for the recipient until the two share a confirmed lesson, the original kept', async () => {
    const { inst, student, cid } = await newPair();
    await send(t, student.token, cid, 'Email me at sam@example.com or call 212-555-0147');
    const before = await history(t, inst.token, cid);
    expect(before.json().items[0]).toMatchObject({
      body: `Email me at ${MASK} or call ${MASK}`,
      masked: true,
    });
    const own = await history(t, student.token, cid);
    expect(own.json().items[0]).toMatchObject({
      body: 'Email me at sam@example.com or call 212-555-0147',
      masked: false,
    });
    const conv = await t.request({ method: 'GET', url: `/api/v1/conversations/${cid}`, token: inst.token });
    expect(conv.json().contactDetails.masked).toBe(true);
    expect(conv.json().contactDetails.explanation).toMatch(/confirmed lesson/);

    await insertLessonRow(t, {
      instructor: inst,
      studentId: student.id,
      startsAt: '2026-01-05T15:00:00Z',
      status: 'cancelled',
    });
    expect((await history(t, inst.token, cid)).json().items[0].masked).toBe(true);
    await insertLessonRow(t, {
      instructor: inst,
      studentId: student.id,
      startsAt: '2026-01-06T15:00:00Z',
      status: 'confirmed',
    });
    const after = await history(t, inst.token, cid);
    expect(after.json().items[0]).toMatchObject({
      body: 'Email me at sam@example.com or call 212-555-0147',
      masked: false,
    });
  });
});

describe('reports and moderation', () => {
  it('puts a reported message on the moderators’ list, and a moderator hides it with a reason', async () => {
    const { inst, student, cid } = await newPair();
    const m = (await send(t, inst.token, cid, 'rude words')).json();
    const url = `/api/v1/messages/${m.id}/report`;
    const own = await t.request({ method: 'POST', url, token: inst.token, payload: { reason: 'x' } });
    expect(own.statusCode).toBe(422);
    const first = await t.request({
      method: 'POST',
      url,
      token: student.token,
      payload: { reason: 'Insulting' },
    });
    const again = await t.request({
      method: 'POST',
      url,
      token: student.token,
      payload: { reason: 'Insulting' },
    });
    expect([first.statusCode, again.statusCode, again.json().id]).toEqual([201, 200, first.json().id]);
    const list = await t.request({
      method: 'GET',
      url: '/api/v1/admin/moderation/reports',
      token: admin.token,
    });
    expect(list.json().items).toContainEqual(
      expect.objectContaining({
        reason: 'Insulting',
        reporter: { id: student.id, name: 'Sam Student' },
        message: expect.objectContaining({ id: m.id, originalBody: 'rude words' }),
      }),
    );
    const hideUrl = `/api/v1/admin/moderation/messages/${m.id}/hide`;
    expect(
      (await t.request({ method: 'POST', url: hideUrl, token: student.token, payload: { reason: 'r' } }))
        .statusCode,
    ).toBe(403);
    const hidden = await t.request({
      method: 'POST',
      url: hideUrl,
      token: admin.token,
      payload: { reason: 'Abuse' },
    });
    expect(hidden.json()).toMatchObject({
      hidden: true,
      hiddenReason: 'Abuse',
      originalBody: 'rude words',
      body: null,
    });
    const seen = await history(t, student.token, cid);
    expect(seen.json().items[0]).toMatchObject({ id: m.id, hidden: true, body: null });
  });
});

describe('email when nobody is watching', () => {
  it('emails the first unread message of a burst, and the next only after a read', async () => {
    const { inst, student, cid } = await newPair();
    const mails = () =>
      t.deps.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, inst.email), eq(emailOutbox.template, 'new_message')));
    await send(t, student.token, cid, 'one');
    await send(t, student.token, cid, 'two');
    expect(await mails()).toHaveLength(1);
    expect((await mails())[0]!.textBody).toContain(`/messages/${cid}`);
    await t.request({ method: 'POST', url: `/api/v1/conversations/${cid}/read`, token: inst.token });
    await send(t, student.token, cid, 'three');
    expect(await mails()).toHaveLength(2);
  });
});

describe('rate limit', () => {
  it('refuses a sender past their per-minute budget with 429', async () => {
    const limited = await createTestApp({ config: { messagesPerUserPerMin: 3 } });
    try {
      const inst = await pianoTeacher(limited);
      const s = await limited.user();
      const cid = await conversationBetween(limited, s.token, inst.id);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await send(limited, s.token, cid, `m${i}`)).statusCode);
      expect(codes).toEqual([201, 201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('reply time on the public profile', () => {
  it('is the median first reply over 30 days, shown from 3 answered conversations', async () => {
    const inst = await pianoTeacher(t);
    const profile = async () =>
      (await t.request({ method: 'GET', url: `/api/v1/instructors/${inst.id}` })).json().replyTimeMinutes;
    const now = Date.now();
    const exchange = async (askedMinutesAgo: number, replyAfterMinutes: number) => {
      const s = await t.user();
      const cid = await conversationBetween(t, s.token, inst.id);
      const q = (await send(t, s.token, cid, 'Question')).json().id as string;
      const a = (await send(t, inst.token, cid, 'Answer')).json().id as string;
      const asked = new Date(now - askedMinutesAgo * 60_000);
      await t.deps.db.update(messages).set({ sentAt: asked }).where(eq(messages.id, q));
      const replied = new Date(asked.getTime() + replyAfterMinutes * 60_000);
      await t.deps.db.update(messages).set({ sentAt: replied }).where(eq(messages.id, a));
    };
    await exchange(600, 10);
    await exchange(500, 120);
    expect(await profile()).toBeNull();
    // Older than 30 days: not counted.
    await exchange(31 * 24 * 60, 1);
    expect(await profile()).toBeNull();
    await exchange(400, 30);
    expect(await profile()).toBe(30);
  });
});
