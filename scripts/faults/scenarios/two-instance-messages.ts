import { randomUUID } from 'node:crypto';
import { openSse, type SseClient } from '../../../src/server/platform/events/sse-client.test-helper.js';
import { call } from '../harness/http.js';
import { demoInstructor, login } from '../harness/marketplace.js';
import { sleep } from '../harness/ports.js';
import { check, type ScenarioResult, type Stage } from '../harness/scenario.js';

const MISSED = 50;

interface Posted {
  id: string;
}
interface MessageEventData {
  conversationId: string;
  message: { id: string; body: string };
}

/** The bodies of the `message` events a stream has carried, in arrival order. */
const bodiesOf = (s: SseClient) =>
  s.events.filter((e) => e.type === 'message').map((e) => (e.data as MessageEventData).message.body);

async function waitForMessages(s: SseClient, n: number, ms = 15_000): Promise<string[]> {
  const deadline = Date.now() + ms;
  while (bodiesOf(s).length < n && Date.now() < deadline) await sleep(25);
  return bodiesOf(s);
}

/**
 * (d) Messaging across two API processes on one PostgreSQL: a stream on instance A carries what is
 * posted on B; a stream that missed 50 messages resumes with Last-Event-ID on the other instance and
 * gets exactly those 50 in order; an instance SIGKILLed under an open stream loses nothing once the
 * browser reconnects; one clientMessageId sent to both instances at once is one message.
 */
export async function twoInstanceMessages(stage: Stage): Promise<Omit<ScenarioResult, 'ms'>> {
  const db = await stage.database('d');
  const redis = await stage.redis();
  const env = { DATABASE_URL: db.url, REDIS_URL: redis.url, MESSAGES_PER_USER_PER_MIN: '100000' };
  const apps = [await stage.app('d1', env), await stage.app('d2', env)];
  for (const a of apps) await a.start();
  const [a, b] = apps.map((x) => x.base) as [string, string];

  const student = await login(a, 'student3@instainstru.local');
  const instructor = await login(a, demoInstructor(2));
  const opened = await call<{ id: string }>(a, 'POST', '/api/v1/conversations', {
    token: student.token,
    body: { instructorId: instructor.id },
  });
  if (opened.status !== 201 && opened.status !== 200) throw new Error(`open conversation: ${opened.status}`);
  const post = (base: string, body: string, clientMessageId = randomUUID()) =>
    call<Posted>(base, 'POST', `/api/v1/conversations/${opened.body.id}/messages`, {
      token: student.token,
      body: { body, clientMessageId },
    });

  // 1. Live across instances: the instructor listens on A, the student writes on B.
  const live = await openSse(a, instructor.token);
  const sentLive = Array.from({ length: 10 }, (_, i) => `live ${i}`);
  const started = Date.now();
  for (const m of sentLive) await post(b, m);
  const gotLive = await waitForMessages(live, sentLive.length);
  const liveMs = Date.now() - started;
  const lastSeen = Math.max(...live.events.map((e) => e.id));
  live.close();

  // 2. Fifty messages while no stream is open; the browser comes back on the other instance.
  const missed = Array.from({ length: MISSED }, (_, i) => `missed ${i}`);
  for (const m of missed) await post(b, m);
  const resumed = await openSse(b, instructor.token, lastSeen);
  const gotMissed = await waitForMessages(resumed, MISSED);
  await sleep(300); // anything doubled would arrive right behind
  const afterResume = bodiesOf(resumed);
  const resumeLast = Math.max(...resumed.events.map((e) => e.id));
  resumed.close();

  // 3. Instance A dies under an open stream; messages keep coming through B; A comes back.
  const doomed = await openSse(a, instructor.token, resumeLast);
  await apps[0]!.signal('SIGKILL');
  await doomed.ended;
  const duringOutage = Array.from({ length: 10 }, (_, i) => `outage ${i}`);
  for (const m of duringOutage) await post(b, m);
  await apps[0]!.start();
  const back = await openSse(a, instructor.token, Math.max(resumeLast, ...doomed.events.map((e) => e.id)));
  const gotBack = await waitForMessages(back, duringOutage.length);
  back.close();

  // 4. One message id sent to both instances at the same moment.
  const twin = randomUUID();
  const both = await Promise.all([post(a, 'twin', twin), post(b, 'twin', twin)]);
  const twins = await db.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM messages WHERE client_message_id = $1',
    [twin],
  );

  const lost = (got: string[], want: string[]) => want.filter((w) => !got.includes(w)).length;
  const inOrder = (got: string[], want: string[]) => JSON.stringify(got) === JSON.stringify(want);
  const checks = [
    check(
      'a message posted on B reaches a stream on A, each once, in order',
      inOrder(gotLive, sentLive),
      `${JSON.stringify(gotLive.slice(0, 12))}`,
    ),
    check(
      `a stream that missed ${MISSED} messages resumes on the other instance with exactly those, in order`,
      inOrder(gotMissed, missed) && inOrder(afterResume, missed),
      `${afterResume.length} received`,
    ),
    check(
      'an instance killed under an open stream loses nothing: the reconnect replays what was posted meanwhile',
      inOrder(gotBack, duringOutage),
      `${gotBack.length} of ${duringOutage.length}`,
    ),
    check(
      'one clientMessageId sent to both instances at once is one message, the same to both callers',
      twins.rows[0]!.n === 1 && both.every((x) => x.status < 300) && both[0].body.id === both[1].body.id,
      `${twins.rows[0]!.n} rows, statuses ${both.map((x) => x.status).join('/')}`,
    ),
  ];
  return {
    name: 'two-instance-messages',
    passed: checks.every((c) => c.ok),
    figures: {
      requests: sentLive.length + MISSED + duringOutage.length + 2,
      liveDeliveryMs: liveMs,
      rowsLost: lost(gotLive, sentLive) + lost(afterResume, missed) + lost(gotBack, duringOutage),
      duplicated: [gotLive, afterResume, gotBack].reduce((n, got) => n + got.length - new Set(got).size, 0),
    },
    checks,
  };
}
