import { bookingsOf, emailsOwed, integrity } from '../harness/db-checks.js';
import { call, outcomeOf, type Answer } from '../harness/http.js';
import { PhasedLoad, sum } from '../harness/load.js';
import {
  assignStudents,
  bookingBody,
  DEMO_PASSWORD,
  findSlots,
  signupStudents,
} from '../harness/marketplace.js';
import { sleep } from '../harness/ports.js';
import { check, type ScenarioResult, type Stage } from '../harness/scenario.js';

const BEFORE_MS = 3000;
const OUTAGE_MS = 10_000;
const AFTER_MS = 5000;
const EMAIL_DEADLINE_MS = 90_000;
const SEARCHES = [
  'piano',
  'guitar lessons',
  'spanish tutor in brooklyn',
  'yoga this weekend',
  'math',
  'swimming for kids',
  'cheap drum lessons',
];

interface Created {
  key: string;
  body: ReturnType<typeof bookingBody>;
  token: string;
  answer: Answer<{ id?: string }>;
}

/**
 * (a) Redis SIGKILLed for ~10 s under mixed search / catalog / login / booking load, then restarted
 * on the same port. Redis is a cache, a limiter store and a queue: losing it may slow the API but
 * must not fail a request, and no email owed for a committed booking or cancellation may be lost.
 */
export async function redisOutage(stage: Stage): Promise<Omit<ScenarioResult, 'ms'>> {
  const db = await stage.database('a');
  const redis = await stage.redis();
  const app = await stage.app('a', { DATABASE_URL: db.url, REDIS_URL: redis.url });
  await app.start();
  const base = app.base;

  const students = await signupStudents(base, 'a', 24);
  const plan = assignStudents(await findSlots(base, { fromDay: 2, toDay: 45 }), students);
  const instructors = [...new Set(plan.map((p) => p.slot.instructorId))];
  let nextPlanned = 0;
  const created: Created[] = [];

  const load = new PhasedLoad();
  load.lane(2, async (lane) => {
    const q = SEARCHES[(lane + load.totalRequests()) % SEARCHES.length]!;
    return [{ kind: 'search', answer: await call(base, 'GET', `/api/v1/search?q=${encodeURIComponent(q)}`) }];
  });
  let catalogStep = 0;
  load.lane(1, async () => {
    const n = catalogStep++;
    const paths = [
      '/api/v1/catalog/all',
      '/api/v1/catalog/categories',
      '/api/v1/catalog/top-per-category?limit=3',
      `/api/v1/public/instructors/${instructors[n % instructors.length]}/availability`,
    ];
    return [{ kind: 'catalog', answer: await call(base, 'GET', paths[n % paths.length]!) }];
  });
  let loginStep = 0;
  load.lane(1, async () => {
    const s = students[loginStep++ % students.length]!;
    const answer = await call(base, 'POST', '/api/v1/auth/login', {
      body: { email: s.email, password: DEMO_PASSWORD },
    });
    return [{ kind: 'login', answer }];
  });
  load.lane(3, async (lane) => {
    const item = plan[nextPlanned++];
    if (!item) return [];
    const key = `a-${nextPlanned}`;
    const body = bookingBody(item.slot);
    const answer = await call<{ id?: string }>(base, 'POST', '/api/v1/bookings', {
      token: item.student.token,
      body,
      headers: { 'idempotency-key': key },
    });
    created.push({ key, body, token: item.student.token, answer });
    const out = [{ kind: 'booking', answer: answer as Answer }];
    // Every fourth lesson is cancelled at once, so cancellation emails are under test too.
    if (answer.status === 201 && answer.body.id && (created.length + lane) % 4 === 0) {
      const c = await call(base, 'POST', `/api/v1/bookings/${answer.body.id}/cancel`, {
        token: item.student.token,
        body: { reason: 'fault suite' },
      });
      out.push({ kind: 'cancel', answer: c });
    }
    return out;
  });

  await sleep(BEFORE_MS);
  load.setPhase('outage');
  const killedAt = Date.now();
  await redis.kill();
  await sleep(OUTAGE_MS);
  await redis.restart();
  const outageMs = Date.now() - killedAt;
  load.setPhase('after');
  await sleep(AFTER_MS);
  await load.stop();

  // A booking with no clear answer may still have committed: ask again with its key.
  let unresolved = 0;
  for (const c of created.filter((c) => c.answer.status !== 201 && c.answer.status !== 409)) {
    let again: Answer = c.answer;
    for (
      let i = 0;
      i < 5 &&
      (again.status === 0 || again.status >= 500 || outcomeOf(again) === '409 IDEMPOTENCY_IN_PROGRESS');
      i++
    ) {
      await sleep(i ? 2000 : 0);
      again = await call(base, 'POST', '/api/v1/bookings', {
        token: c.token,
        body: c.body,
        headers: { 'idempotency-key': c.key },
      });
    }
    if (again.status !== 201 && outcomeOf(again) !== '409 BOOKING_CONFLICT') unresolved++;
  }

  const committedIds = created.filter((c) => c.answer.status === 201).map((c) => c.answer.body.id!);
  const rows = await bookingsOf(
    db.pool,
    students.map((s) => s.id),
  );
  const inDb = new Set(rows.map((r) => r.id));
  const lost = committedIds.filter((id) => !inDb.has(id)).length;
  const emails = await emailsOwed(db.pool, stage.smtp, rows, EMAIL_DEADLINE_MS);
  const ints = await integrity(db.pool);

  // A conflict is only a failure if the plan was wrong; the plan keeps every lesson apart, so report it.
  const isConflict = (k: string) => k.endsWith('409 BOOKING_CONFLICT');
  const failures = load.failures(isConflict);
  const outageFailures = Object.fromEntries(
    Object.entries(failures).filter(([k]) => k.startsWith('outage ')),
  );
  const conflicts = sum(load.failures()) - sum(failures);
  const figures = {
    requests: load.totalRequests(),
    failures: sum(failures),
    failuresByKind: failures,
    faultsInjected: redis.kills,
    outageMs,
    slowestMsByPhase: load.slowest,
    requestsByPhase: Object.fromEntries(Object.entries(load.tallies).map(([p, t]) => [p, t.total()])),
    bookingsCommitted: rows.length,
    bookingsAnswered201: committedIds.length,
    cancellations: rows.filter((r) => r.status === 'cancelled').length,
    bookingConflicts: conflicts,
    bookingsUnresolvedAfterRetry: unresolved,
    rowsLost: lost,
    emails,
    integrity: ints,
  };
  const checks = [
    check('no request fails while Redis is down', sum(outageFailures) === 0, JSON.stringify(outageFailures)),
    check(
      'no request fails before or after the outage',
      sum(failures) === sum(outageFailures),
      JSON.stringify(failures),
    ),
    check(
      'planned lessons never conflict (harness sanity)',
      conflicts === 0,
      `${conflicts} × 409 BOOKING_CONFLICT`,
    ),
    check('every 201 booking is in the database', lost === 0, `${lost} lost of ${committedIds.length}`),
    check(
      'every booking/cancellation email reaches SMTP',
      emails.undelivered === 0,
      `${emails.delivered}/${emails.owed} delivered after ${Math.round(emails.waitedMs / 1000)}s (cap ${EMAIL_DEADLINE_MS / 1000}s, ${emails.drainPerSecond}/s); missing: ${JSON.stringify(emails.undeliveredStatus)}`,
    ),
    check(
      'every owed email is in email_outbox',
      emails.notInOutbox === 0,
      `${emails.notInOutbox} not in email_outbox`,
    ),
    check(
      'no orphan rows',
      ints.participantsWithoutBooking + ints.historyWithoutBooking + ints.confirmedWithoutBothParticipants ===
        0,
      JSON.stringify(ints),
    ),
  ];
  return { name: 'redis-outage', passed: checks.every((c) => c.ok), figures, checks };
}
