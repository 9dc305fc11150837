import type pg from 'pg';
import type { SmtpSink } from './smtp.js';
import { sleep } from './ports.js';

/** Rows that should never exist whatever crashed: the database's own view, not the API's. */
export async function integrity(db: pg.Pool) {
  const one = async (sql: string, params: unknown[] = []) => Number((await db.query(sql, params)).rows[0].n);
  return {
    participantsWithoutBooking: await one(
      `SELECT count(*) n FROM booking_participants p LEFT JOIN bookings b ON b.id = p.booking_id WHERE b.id IS NULL`,
    ),
    historyWithoutBooking: await one(
      `SELECT count(*) n FROM booking_history h LEFT JOIN bookings b ON b.id = h.booking_id WHERE b.id IS NULL`,
    ),
    // A confirmed lesson blocks time for both people; cancelled ones release it (rows deleted).
    confirmedWithoutBothParticipants: await one(
      `SELECT count(*) n FROM bookings b WHERE b.status = 'confirmed'
         AND (SELECT count(*) FROM booking_participants p WHERE p.booking_id = b.id) <> 2`,
    ),
    bookingsWithoutCreatedHistory: await one(
      `SELECT count(*) n FROM bookings b WHERE NOT EXISTS
         (SELECT 1 FROM booking_history h WHERE h.booking_id = b.id AND h.event = 'created')`,
    ),
    idempotencyInProgress: await one(`SELECT count(*) n FROM idempotency_keys WHERE response_status IS NULL`),
  };
}

export interface BookingPeople {
  id: string;
  status: string;
  studentEmail: string;
  instructorEmail: string;
}

export async function bookingsOf(db: pg.Pool, studentIds: string[]): Promise<BookingPeople[]> {
  const r = await db.query(
    `SELECT b.id, b.status, su.email AS student_email, iu.email AS instructor_email
       FROM bookings b JOIN users su ON su.id = b.student_id JOIN users iu ON iu.id = b.instructor_id
      WHERE b.student_id = ANY($1::uuid[])`,
    [studentIds],
  );
  return r.rows.map((x) => ({
    id: x.id,
    status: x.status,
    studentEmail: x.student_email,
    instructorEmail: x.instructor_email,
  }));
}

/** email_outbox rows per booking id, read from the calendar attachment's UID (id@the public host). */
export async function outboxByBooking(db: pg.Pool) {
  const r = await db.query(
    `SELECT to_address, template, status, attachments FROM email_outbox WHERE template LIKE 'booking_%'`,
  );
  const map = new Map<string, { to: string; template: string; status: string }[]>();
  for (const row of r.rows) {
    const text = JSON.stringify(row.attachments ?? []);
    for (const m of text.matchAll(/UID:([0-9a-f-]{36})@/g)) {
      const list = map.get(m[1]!) ?? [];
      list.push({ to: String(row.to_address).toLowerCase(), template: row.template, status: row.status });
      map.set(m[1]!, list);
    }
  }
  return map;
}

/** No new delivery for this long means the rest is stuck. */
const STALL_MS = 10_000;

const EVENTS = [
  { template: 'booking_confirmed', subject: 'Booked:', when: (_b: BookingPeople) => true },
  {
    template: 'booking_cancelled',
    subject: 'Cancelled:',
    when: (b: BookingPeople) => b.status === 'cancelled',
  },
];

/**
 * Every confirmation (and cancellation) owes one email to each of the two people. Waits up to
 * deadlineMs (while delivery progresses) for the SMTP sink to have them all, then says where each
 * missing one got stuck.
 */
export async function emailsOwed(
  db: pg.Pool,
  sink: SmtpSink | undefined,
  bookings: BookingPeople[],
  deadlineMs: number,
) {
  const owed = bookings.flatMap((b) =>
    EVENTS.filter((e) => e.when(b)).flatMap((e) =>
      [b.studentEmail, b.instructorEmail].map((to) => ({ booking: b.id, to: to.toLowerCase(), ...e })),
    ),
  );
  const started = Date.now();
  let undelivered = owed;
  let progressAt = started;
  const firstMissing = sink ? owed.filter((o) => sink.count(o.booking, o.to, o.subject) === 0).length : 0;
  while (sink) {
    const missing = owed.filter((o) => sink.count(o.booking, o.to, o.subject) === 0);
    if (missing.length < undelivered.length) progressAt = Date.now();
    undelivered = missing;
    // A backlog still draining is slow, not lost: wait while it moves, up to the cap.
    if (!undelivered.length || Date.now() - started > deadlineMs || Date.now() - progressAt > STALL_MS) break;
    await sleep(500);
  }
  const waitedMs = Date.now() - started;
  const outbox = await outboxByBooking(db);
  const notInOutbox = owed.filter(
    (o) => !(outbox.get(o.booking) ?? []).some((r) => r.to === o.to && r.template === o.template),
  );
  const duplicatesInOutbox = [...outbox.values()].reduce((n, rows) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const k = `${r.to} ${r.template}`;
      if (seen.has(k)) n++;
      seen.add(k);
    }
    return n;
  }, 0);
  const undeliveredStatus: Record<string, number> = {};
  for (const o of undelivered) {
    const row = (outbox.get(o.booking) ?? []).find((r) => r.to === o.to && r.template === o.template);
    const k = row ? `outbox ${row.status}` : 'not in outbox';
    undeliveredStatus[k] = (undeliveredStatus[k] ?? 0) + 1;
  }
  return {
    owed: owed.length,
    delivered: sink ? owed.length - undelivered.length : 0,
    undelivered: sink ? undelivered.length : owed.length,
    undeliveredStatus,
    notInOutbox: notInOutbox.length,
    duplicatesInOutbox,
    waitedMs,
    backlogAtStart: firstMissing,
    drainPerSecond:
      waitedMs > 500 ? Math.round(((firstMissing - undelivered.length) * 1000) / waitedMs) : null,
  };
}
