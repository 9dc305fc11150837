import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailOutbox, eventStreams } from '../../db/schema/index.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp, TEST_PASSWORD } from '../../testing/test-app.js';
import { pianoTeacher } from '../../modules/bookings/bookings.test-helpers.js';
import { conversationBetween, send } from '../../modules/messaging/messaging.test-helpers.js';
import { openSse } from './sse-client.test-helper.js';

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ config: { messagesPerUserPerMin: 1000, sseHeartbeatMs: 300 } });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const pair = async () => {
  const inst = await pianoTeacher(t);
  const student = await t.user({ fullName: 'Sam Student' });
  return { inst, student, cid: await conversationBetween(t, student.token, inst.id) };
};
const messagesOf = (events: { type: string; data: unknown }[]) =>
  events
    .filter((e) => e.type === 'message')
    .map((e) => (e.data as { message: { body: string } }).message.body);

describe('GET /events', () => {
  it('delivers a message posted by the other participant, with the unread count', async () => {
    const { inst, student, cid } = await pair();
    const stream = await openSse(base, inst.token);
    expect(stream.status).toBe(200);
    expect((await send(t, student.token, cid, 'Hi, are you free?')).statusCode).toBe(201);
    const [message, unread] = await stream.waitFor(2);
    expect(message).toMatchObject({
      type: 'message',
      data: { conversationId: cid, message: { body: 'Hi, are you free?' } },
    });
    expect(unread).toMatchObject({
      type: 'unread',
      data: { conversationId: cid, unreadCount: 1, unreadTotal: 1 },
    });
    expect(unread!.id).toBeGreaterThan(message!.id);
    // The sender's own tabs hear of it too, and the reader's receipt reaches the sender.
    const senderStream = await openSse(base, student.token);
    await t.request({ method: 'POST', url: `/api/v1/conversations/${cid}/read`, token: inst.token });
    const [receipt] = await senderStream.waitFor(1);
    expect(receipt).toMatchObject({ type: 'read', data: { conversationId: cid, readerId: inst.id } });
    stream.close();
    senderStream.close();
  });

  it('replays exactly the 50 messages missed while disconnected, in order, once', async () => {
    const { inst, student, cid } = await pair();
    const first = await openSse(base, inst.token);
    await send(t, student.token, cid, 'before');
    const seen = await first.waitFor(2);
    first.close();
    await first.ended;
    const lastId = seen.at(-1)!.id;
    for (let i = 1; i <= 50; i++) await send(t, student.token, cid, `missed ${i}`);
    const again = await openSse(base, inst.token, lastId);
    const replayed = await again.waitFor(100);
    const expected = Array.from({ length: 50 }, (_, i) => `missed ${i + 1}`);
    expect(messagesOf(replayed)).toEqual(expected);
    const ids = replayed.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(lastId + 1);
    // Live events continue after the replay without a gap or a repeat.
    await send(t, student.token, cid, 'live');
    const all = await again.waitFor(102);
    expect(messagesOf(all)).toEqual([...expected, 'live']);
    again.close();
  });

  it('tells both people’s open streams when a moderator hides a message, with the text gone', async () => {
    const { inst, student, cid } = await pair();
    const admin = await t.user({ roles: ['admin'] });
    const m = (await send(t, student.token, cid, 'rude words')).json() as { id: string };
    const [toInst, toStudent] = await Promise.all([openSse(base, inst.token), openSse(base, student.token)]);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/admin/moderation/messages/${m.id}/hide`,
      token: admin.token,
      payload: { reason: 'Abuse' },
    });
    expect(res.statusCode).toBe(200);
    for (const s of [toInst, toStudent]) {
      const [e] = await s.waitFor(1);
      expect(e).toMatchObject({
        type: 'message_hidden',
        data: { conversationId: cid, message: { id: m.id, hidden: true, body: null } },
      });
      // Neither the reason nor the original text travels to the participants.
      expect(JSON.stringify(e!.data)).not.toMatch(/rude words|Abuse/);
      s.close();
    }
  });

  it('sends heartbeats on an idle stream', async () => {
    const { inst } = await pair();
    const stream = await openSse(base, inst.token);
    const deadline = Date.now() + 5000;
    while (!stream.comments.some((c) => c.startsWith(': heartbeat')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(stream.comments.some((c) => c.startsWith(': heartbeat'))).toBe(true);
    stream.close();
  });

  it('ends the stream when its session logs out', async () => {
    const { inst } = await pair();
    const stream = await openSse(base, inst.token);
    await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: inst.token });
    await expect(
      Promise.race([stream.ended.then(() => 'ended'), new Promise((r) => setTimeout(() => r('open'), 5000))]),
    ).resolves.toBe('ended');
  });

  it('ends the stream when the account is deactivated', async () => {
    const admin = await t.user({ roles: ['admin'] });
    const u = await t.user();
    const stream = await openSse(base, u.token);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${u.id}/status`,
      token: admin.token,
      payload: { status: 'deactivated', reason: 'Test' },
    });
    expect(res.statusCode).toBe(200);
    const outcome = await Promise.race([
      stream.ended.then(() => 'ended'),
      new Promise((r) => setTimeout(() => r('open'), 5000)),
    ]);
    expect(outcome).toBe('ended');
  });

  it('ends only the stream whose delivery fails; the others keep receiving', async () => {
    const a = await t.user();
    const b = await t.user();
    const hub = t.services.events;
    hub.render('test_boom', (userId, data) => {
      if (userId === a.id) throw new Error('render failed');
      return Promise.resolve(data);
    });
    const sa = await openSse(base, a.token);
    const sb = await openSse(base, b.token);
    await t.deps.db.transaction((tx) =>
      hub.append(tx, [
        { userId: a.id, type: 'test_boom', data: { n: 1 } },
        { userId: b.id, type: 'test_boom', data: { n: 1 } },
      ]),
    );
    await sa.ended;
    const [got] = await sb.waitFor(1);
    expect(got).toMatchObject({ type: 'test_boom', data: { n: 1 } });
    expect(hub.openCount).toBeGreaterThanOrEqual(1);
    sb.close();
  });

  it('reads a Last-Event-ID it never gave as "up to date", not as a gap', async () => {
    const { inst, student, cid } = await pair();
    const stream = await openSse(base, inst.token, 1_000_000);
    await send(t, student.token, cid, 'after a bogus id');
    const [e] = await stream.waitFor(1);
    expect(e).toMatchObject({ type: 'message', id: 1 });
    stream.close();
  });

  it('refuses a guest', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/events' });
    expect(res.statusCode).toBe(401);
  });

  it('sends no email while the recipient has a stream open', async () => {
    const { inst, student, cid } = await pair();
    const stream = await openSse(base, inst.token);
    await send(t, student.token, cid, 'watched');
    await stream.waitFor(2);
    const mails = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, inst.email), eq(emailOutbox.template, 'new_message')));
    expect(mails).toHaveLength(0);
    stream.close();
    await stream.ended;
    // The stream's row goes with it, so the next message is emailed.
    const deadline = Date.now() + 3000;
    while (
      (await t.deps.db.select().from(eventStreams).where(eq(eventStreams.userId, inst.id))).length &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await send(t, student.token, cid, 'unwatched');
    const after = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, inst.email), eq(emailOutbox.template, 'new_message')));
    expect(after).toHaveLength(1);
  });
});

describe('without heartbeats (60 s), a wake-up alone moves streams', () => {
  it('a wake-up for one person touches only their streams, never another’s', async () => {
    const quiet = await createTestApp({ config: { sseHeartbeatMs: 60_000 } });
    try {
      const url = await quiet.app.listen({ port: 0, host: '127.0.0.1' });
      const [a, b] = [await quiet.user(), await quiet.user()];
      const hub = quiet.services.events;
      const streams = await Promise.all([
        openSse(url, a.token),
        openSse(url, a.token),
        openSse(url, b.token),
      ]);
      expect([hub.streamsOf(a.id), hub.streamsOf(b.id)]).toEqual([2, 1]);
      const pumped: string[] = [];
      // Every stream a wake-up moves goes through pump: record whose they are.
      const inner = hub as unknown as { pump(s: { userId: string }): Promise<void> };
      const original = inner.pump.bind(hub);
      const pump = vi.spyOn(inner, 'pump').mockImplementation((s) => {
        pumped.push(s.userId);
        return original(s);
      });
      await quiet.deps.db.transaction((tx) =>
        hub.append(tx, [{ userId: a.id, type: 'ping', data: { n: 1 } }]),
      );
      await Promise.all(streams.slice(0, 2).map((s) => s.waitFor(1)));
      await new Promise((r) => setTimeout(r, 300));
      expect(pumped.length).toBeGreaterThan(0);
      expect(pumped.every((u) => u === a.id)).toBe(true);
      expect(streams[2]!.events).toHaveLength(0);
      pump.mockRestore();
      for (const s of streams) s.close();
    } finally {
      await quiet.close();
    }
  });

  it('a password change from another session ends the stream at once', async () => {
    const quiet = await createTestApp({ config: { sseHeartbeatMs: 60_000 } });
    try {
      const url = await quiet.app.listen({ port: 0, host: '127.0.0.1' });
      const u = await quiet.user();
      const stream = await openSse(url, u.token);
      const other = await quiet.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: u.email, password: TEST_PASSWORD },
      });
      const changed = await quiet.request({
        method: 'POST',
        url: '/api/v1/auth/password',
        token: (other.json() as { token: string }).token,
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'Another-pass-2' },
      });
      expect(changed.statusCode).toBe(204);
      const outcome = await Promise.race([
        stream.ended.then(() => 'ended'),
        new Promise((r) => setTimeout(() => r('open'), 5000)),
      ]);
      expect(outcome).toBe('ended');
      expect(quiet.services.events.openCount).toBe(0);
    } finally {
      await quiet.close();
    }
  });

  it('logout wakes the stream holder through NOTIFY', async () => {
    const slow = await createTestApp({ config: { sseHeartbeatMs: 60_000 } });
    try {
      const url = await slow.app.listen({ port: 0, host: '127.0.0.1' });
      const u = await slow.user();
      const stream = await openSse(url, u.token);
      await slow.request({ method: 'POST', url: '/api/v1/auth/logout', token: u.token });
      const outcome = await Promise.race([
        stream.ended.then(() => 'ended'),
        new Promise((r) => setTimeout(() => r('open'), 5000)),
      ]);
      expect(outcome).toBe('ended');
    } finally {
      await slow.close();
    }
  });
});

describe('shutdown', () => {
  it('closes while streams are open, ending them', async () => {
    const other = await createTestApp({ config: { sseHeartbeatMs: 60_000 } });
    const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const u = await other.user();
    const stream = await openSse(url, u.token);
    expect(other.services.events.openCount).toBe(1);
    const closed = other.close().then(() => 'closed');
    await expect(
      Promise.race([closed, new Promise((r) => setTimeout(() => r('hung'), 10_000))]),
    ).resolves.toBe('closed');
    await stream.ended;
  });
});
