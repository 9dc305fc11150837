import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { pianoTeacher } from '../../modules/bookings/bookings.test-helpers.js';
import { conversationBetween, send } from '../../modules/messaging/messaging.test-helpers.js';
import { openSse } from './sse-client.test-helper.js';

// Heartbeats far longer than any wait below: delivery must come from the wake-up (NOTIFY on
// PostgreSQL across two pools, as two processes would have; in process on the embedded database).
const config = { messagesPerUserPerMin: 1000, sseHeartbeatMs: 60_000 };

let a: TestApp;
let b: TestApp;
let baseA: string;
let baseB: string;
beforeAll(async () => {
  a = await createTestApp({ config });
  b = await createTestApp({ config, sameDatabaseAs: a });
  baseA = await a.app.listen({ port: 0, host: '127.0.0.1' });
  baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const bodies = (events: { type: string; data: unknown }[]) =>
  events
    .filter((e) => e.type === 'message')
    .map((e) => (e.data as { message: { body: string } }).message.body);

describe('event streams across instances of the API on one database', () => {
  it('a subscriber on instance A receives a message posted on instance B, once', async () => {
    const inst = await pianoTeacher(a);
    const student = await a.user();
    const cid = await conversationBetween(a, student.token, inst.id);
    const stream = await openSse(baseA, inst.token);
    expect((await send(b, student.token, cid, 'Posted on B')).statusCode).toBe(201);
    const [message, unread] = await stream.waitFor(2);
    expect(message).toMatchObject({ type: 'message', data: { message: { body: 'Posted on B' } } });
    expect(unread).toMatchObject({ type: 'unread', data: { unreadTotal: 1 } });
    // A later message proves the stream is still live and that nothing in between came twice.
    await send(a, student.token, cid, 'Posted on A');
    await stream.waitFor(4);
    expect(bodies(stream.events)).toEqual(['Posted on B', 'Posted on A']);
    stream.close();
  });

  it('a stream cut when its instance stops resumes on the other with Last-Event-ID, losing nothing', async () => {
    const third = await createTestApp({ config, sameDatabaseAs: a });
    const baseThird = await third.app.listen({ port: 0, host: '127.0.0.1' });
    const inst = await pianoTeacher(a);
    const student = await a.user();
    const cid = await conversationBetween(a, student.token, inst.id);
    const first = await openSse(baseThird, inst.token);
    await send(a, student.token, cid, 'one');
    const seen = await first.waitFor(2);
    // The instance goes away mid-stream (a deploy, a crash caught by the load balancer).
    await third.close();
    await first.ended;
    for (const text of ['two', 'three', 'four']) await send(a, student.token, cid, text);
    const again = await openSse(baseB, inst.token, seen.at(-1)!.id);
    const replayed = await again.waitFor(6);
    expect(bodies(replayed)).toEqual(['two', 'three', 'four']);
    const ids = replayed.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(seen.at(-1)!.id + 1);
    again.close();
  });
});
