import { bookingsOf, emailsOwed, integrity } from '../harness/db-checks.js';
import { call, outcomeOf, type Answer } from '../harness/http.js';
import {
  assignStudents,
  bookingBody,
  findSlots,
  pool,
  signupStudents,
  type Person,
  type Slot,
} from '../harness/marketplace.js';
import { sleep } from '../harness/ports.js';
import { check, type ScenarioResult, type Stage } from '../harness/scenario.js';

const CYCLES = 2;
const LOAD_MS = 2500;
const LANES = 16;
/** How long a key may answer IDEMPOTENCY_IN_PROGRESS after the crash before it counts as stuck. */
const LEASE_LIMIT_MS = Number(process.env.FAULTS_LEASE_LIMIT_MS ?? 60_000);

interface Sent {
  key: string;
  slot: Slot;
  student: Person;
  cycle: number;
  first: Answer<{ id?: string }>;
  final?: Answer<{ id?: string }>;
  /** ms after its cycle's kill when the key stopped answering IN_PROGRESS (only if it ever did). */
  leaseWaitMs?: number;
}

/**
 * (b) The API process SIGKILLed in the middle of a booking load, twice, and restarted. Every request
 * is retried with its Idempotency-Key: committed ones must replay the same booking, none may stay
 * "in progress" beyond a short lease, and the database must hold no half-written booking.
 */
export async function sigkillBooking(stage: Stage): Promise<Omit<ScenarioResult, 'ms'>> {
  const db = await stage.database('b');
  const redis = await stage.redis();
  const app = await stage.app('b', { DATABASE_URL: db.url, REDIS_URL: redis.url });
  await app.start();

  const students = await signupStudents(app.base, 'b', 30);
  const plan = assignStudents(await findSlots(app.base, { fromDay: 2, toDay: 45 }), students);
  let next = 0;
  const sent: Sent[] = [];
  const killedAt: number[] = [];
  const restartMs: number[] = [];
  let inProgressAfterCrash = 0;

  for (let cycle = 0; cycle < CYCLES; cycle++) {
    let crashed = false;
    const lanes = Array.from({ length: LANES }, async () => {
      while (!crashed) {
        const item = plan[next++];
        if (!item) return;
        const key = `b-${cycle}-${next}`;
        const first = await call<{ id?: string }>(app.base, 'POST', '/api/v1/bookings', {
          token: item.student.token,
          body: bookingBody(item.slot),
          headers: { 'idempotency-key': key },
        });
        sent.push({ key, slot: item.slot, student: item.student, cycle, first });
      }
    });
    await sleep(LOAD_MS);
    killedAt.push(Date.now());
    await app.signal('SIGKILL');
    crashed = true;
    await Promise.all(lanes);
    restartMs.push(await app.start());
    inProgressAfterCrash += Number(
      (await db.pool.query(`SELECT count(*) n FROM idempotency_keys WHERE response_status IS NULL`)).rows[0]
        .n,
    );
  }

  // Retry every request with its key until it stops answering "in progress" (or the limit passes).
  const pending = new Set(sent);
  const retryStarted = Date.now();
  while (pending.size && Date.now() - killedAt.at(-1)! < LEASE_LIMIT_MS + 5000) {
    await pool([...pending], LANES, async (s) => {
      const a = await call<{ id?: string }>(app.base, 'POST', '/api/v1/bookings', {
        token: s.student.token,
        body: bookingBody(s.slot),
        headers: { 'idempotency-key': s.key },
      });
      const waiting = a.status === 0 || a.status >= 500 || outcomeOf(a) === '409 IDEMPOTENCY_IN_PROGRESS';
      if (outcomeOf(a) === '409 IDEMPOTENCY_IN_PROGRESS') s.leaseWaitMs = Date.now() - killedAt[s.cycle]!;
      else if (s.leaseWaitMs !== undefined) s.leaseWaitMs = Date.now() - killedAt[s.cycle]!;
      s.final = a;
      if (!waiting) pending.delete(s);
    });
    if (pending.size) await sleep(1000);
  }
  const retryMs = Date.now() - retryStarted;

  const rows = await bookingsOf(
    db.pool,
    students.map((s) => s.id),
  );
  const inDb = new Set(rows.map((r) => r.id));
  const answered = sent.filter((s) => s.first.status === 201);
  const lost = answered.filter((s) => !inDb.has(s.first.body.id!)).length;
  const replayMismatch = answered.filter(
    (s) => s.final?.status !== 201 || s.final.body.id !== s.first.body.id,
  );
  const stuck = sent.filter((s) => s.final && outcomeOf(s.final) === '409 IDEMPOTENCY_IN_PROGRESS');
  // No answer the first time, a conflict on retry: the lesson was booked but its key lost its answer.
  const answerLost = sent.filter(
    (s) => s.first.status !== 201 && s.final && outcomeOf(s.final) === '409 BOOKING_CONFLICT',
  );
  const finalOutcomes: Record<string, number> = {};
  for (const s of sent) {
    const o = s.final ? outcomeOf(s.final) : 'never retried';
    finalOutcomes[o] = (finalOutcomes[o] ?? 0) + 1;
  }
  const firstOutcomes: Record<string, number> = {};
  for (const s of sent) firstOutcomes[outcomeOf(s.first)] = (firstOutcomes[outcomeOf(s.first)] ?? 0) + 1;
  const leaseWaits = sent.map((s) => s.leaseWaitMs).filter((x): x is number => x !== undefined);
  // Delivery is scenario (a)'s check; here only the outbox rows count, so a short look suffices.
  const emails = await emailsOwed(db.pool, stage.smtp, rows, 5000);
  const ints = await integrity(db.pool);
  const orphans =
    ints.participantsWithoutBooking + ints.historyWithoutBooking + ints.confirmedWithoutBothParticipants;

  const figures = {
    requests: sent.length,
    failures: replayMismatch.length + stuck.length + answerLost.length,
    faultsInjected: killedAt.length,
    restartMs,
    firstOutcomes,
    finalOutcomes,
    bookingsCommitted: rows.length,
    rowsLost: lost,
    replayMismatches: replayMismatch.length,
    answersLost: answerLost.length,
    keysInProgressAfterCrash: inProgressAfterCrash,
    keysThatWaitedOnLease: leaseWaits.length,
    maxLeaseWaitMs: leaseWaits.length ? Math.max(...leaseWaits) : 0,
    stuckKeys: stuck.length,
    retryMs,
    emails,
    integrity: ints,
  };
  const checks = [
    check('every 201 booking is in the database', lost === 0, `${lost} lost of ${answered.length}`),
    check(
      'every committed booking replays with its key (same id)',
      replayMismatch.length === 0,
      `${replayMismatch.length} of ${answered.length}: ${JSON.stringify(replayMismatch.slice(0, 3).map((s) => outcomeOf(s.final!)))}`,
    ),
    check(
      `no key in progress beyond the lease (${LEASE_LIMIT_MS / 1000}s)`,
      stuck.length === 0,
      `${stuck.length} stuck; ${inProgressAfterCrash} keys left in progress by the crashes; max wait ${figures.maxLeaseWaitMs} ms`,
    ),
    check(
      'no committed lesson loses its answer',
      answerLost.length === 0,
      `${answerLost.length} retried into 409 BOOKING_CONFLICT`,
    ),
    check('no orphan or half-written booking rows', orphans === 0, JSON.stringify(ints)),
    check(
      'every booking has booking_confirmed for both people in email_outbox',
      emails.notInOutbox === 0 && emails.duplicatesInOutbox === 0,
      `${emails.notInOutbox} of ${emails.owed} missing, ${emails.duplicatesInOutbox} duplicated`,
    ),
    check(
      'no idempotency key left in progress',
      ints.idempotencyInProgress === 0,
      `${ints.idempotencyInProgress} rows with response_status NULL`,
    ),
  ];
  return { name: 'sigkill-booking', passed: checks.every((c) => c.ok), figures, checks };
}
