import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookingParticipants, bookings, emailOutbox, idempotencyKeys } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { START, book, bookingsTestApp, lessonBody, pianoTeacher } from './bookings.test-helpers.js';
import { LEASE_SECONDS, requestHash } from '../../platform/idempotency/idempotent-request.js';

const clock = new ManualClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await bookingsTestApp(clock, 5);
});
afterAll(() => t.close());

const tomorrow = () => localDate(clock.now(), 1);
const rows = async (table: typeof bookings | typeof bookingParticipants | typeof emailOutbox) =>
  (await t.deps.db.select({ n: count() }).from(table))[0]!.n;

describe('a booking and its emails commit together (transactional outbox)', () => {
  it('writes both confirmation emails in the booking transaction', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const res = await book(t, s.token, lessonBody(inst.offerings[0]!.id, tomorrow(), '09:00'));
    expect(res.statusCode).toBe(201);
    // No job has to run: the rows exist as soon as the request answered.
    const mails = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, 'booking_confirmed'));
    expect(mails.filter((m) => [s.email, inst.email].includes(m.toAddress))).toHaveLength(2);
  });

  it('when the emails cannot be written, no booking, blocked time or key remains', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const before = [await rows(bookings), await rows(bookingParticipants), await rows(emailOutbox)];
    const spy = vi.spyOn(t.deps.mailer, 'queue').mockRejectedValueOnce(new Error('disk full'));
    const res = await book(t, s.token, lessonBody(inst.offerings[0]!.id, tomorrow(), '10:00'), {
      'idempotency-key': 'outbox-fails',
    });
    spy.mockRestore();
    expect(res.statusCode).toBe(500);
    expect([await rows(bookings), await rows(bookingParticipants), await rows(emailOutbox)]).toEqual(before);
    const keys = await t.deps.db
      .select()
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.key, 'outbox-fails'));
    expect(keys).toEqual([]);
    // The same retry now books, and the time it failed to take is free.
    const retry = await book(t, s.token, lessonBody(inst.offerings[0]!.id, tomorrow(), '10:00'), {
      'idempotency-key': 'outbox-fails',
    });
    expect(retry.statusCode).toBe(201);
  });

  it('a cancellation and its notices commit together too', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const b = (await book(t, s.token, lessonBody(inst.offerings[0]!.id, tomorrow(), '11:00'))).json();
    const spy = vi.spyOn(t.deps.mailer, 'queue').mockRejectedValueOnce(new Error('disk full'));
    const failed = await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${b.id}/cancel`,
      token: s.token,
      payload: { reason: 'sick' },
    });
    spy.mockRestore();
    expect(failed.statusCode).toBe(500);
    const [still] = await t.deps.db.select().from(bookings).where(eq(bookings.id, b.id));
    expect(still?.status).toBe('confirmed');
    const cancelled = await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${b.id}/cancel`,
      token: s.token,
      payload: { reason: 'sick' },
    });
    expect(cancelled.statusCode).toBe(200);
    const notices = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, 'booking_cancelled'));
    expect(notices.filter((m) => [s.email, inst.email].includes(m.toAddress))).toHaveLength(2);
  });
});

describe('Idempotency-Key after a crash', () => {
  const claimOf = (userId: string, key: string) =>
    and(
      eq(idempotencyKeys.userId, userId),
      eq(idempotencyKeys.route, 'POST /bookings'),
      eq(idempotencyKeys.key, key),
    );

  it('stores the answer in the booking transaction: the key of a committed booking replays it', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const body = lessonBody(inst.offerings[0]!.id, tomorrow(), '12:00');
    const first = await book(t, s.token, body, { 'idempotency-key': 'k-commit' });
    const [key] = await t.deps.db.select().from(idempotencyKeys).where(claimOf(s.id, 'k-commit'));
    expect(key).toMatchObject({ responseStatus: 201, claim: null, leaseUntil: null });
    expect((key!.responseBody as { id: string }).id).toBe(first.json().id);
  });

  it('a claim left by a process that died is taken over once its short lease has run out', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const body = lessonBody(inst.offerings[0]!.id, tomorrow(), '13:00');
    // What a SIGKILL between the claim and the commit leaves behind.
    await t.deps.db.insert(idempotencyKeys).values({
      userId: s.id,
      route: 'POST /bookings',
      key: 'k-crash',
      requestHash: requestHash(body),
      createdAt: clock.now(),
      claim: 'dead-process',
      leaseUntil: new Date(clock.now().getTime() + LEASE_SECONDS * 1000),
    });
    const during = await book(t, s.token, body, { 'idempotency-key': 'k-crash' });
    expect(during.statusCode).toBe(409);
    expect(during.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    clock.advance((LEASE_SECONDS + 1) * 1000);
    const after = await book(t, s.token, body, { 'idempotency-key': 'k-crash' });
    expect(after.statusCode).toBe(201);
    const replay = await book(t, s.token, body, { 'idempotency-key': 'k-crash' });
    expect(replay.json().id).toBe(after.json().id);
  });

  it('replays do not spend the booking rate limit (5 a minute here)', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const body = lessonBody(inst.offerings[0]!.id, tomorrow(), '14:00');
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await book(t, s.token, body, { 'idempotency-key': 'k-retry' }));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
  });
});
