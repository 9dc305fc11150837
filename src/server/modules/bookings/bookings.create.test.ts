import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingHistory, bookingParticipants, bookings, emailOutbox } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { START, at, book, bookingsTestApp, lessonBody, pianoTeacher } from './bookings.test-helpers.js';

const clock = new ManualClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await bookingsTestApp(clock);
});
afterAll(() => t.close());

const tomorrow = () => localDate(clock.now(), 1);

describe('creating a booking', () => {
  it('confirms at once with a server-computed price and a snapshot', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user({ fullName: 'Sam Student' });
    const res = await book(t, s.token, lessonBody(inst.offerings[0]!.id, tomorrow(), '10:00', 90));
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({
      status: 'confirmed',
      studentId: s.id,
      instructorId: inst.id,
      service: { slug: 'piano', name: 'Piano' },
      date: tomorrow(),
      startTime: '10:00',
      endTime: '11:30',
      timezone: 'America/New_York',
      durationMinutes: 90,
      hourlyRateCents: 6000,
      priceCents: 9000,
      cancellationFeeCents: null,
    });
    expect(b.startsAt).toBe(at(tomorrow(), '10:00').toISOString());
    const participants = await t.deps.db
      .select()
      .from(bookingParticipants)
      .where(eq(bookingParticipants.bookingId, b.id));
    expect(participants.map((p) => [p.role, p.userId]).sort()).toEqual([
      ['instructor', inst.id],
      ['student', s.id],
    ]);
    const history = await t.deps.db.select().from(bookingHistory).where(eq(bookingHistory.bookingId, b.id));
    expect(history).toEqual([
      expect.objectContaining({ event: 'created', actorId: s.id, detail: { startsAt: b.startsAt } }),
    ]);
  });

  it('never takes the price, status or student from the client', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    for (const extra of [
      { priceCents: 1 },
      { status: 'completed' },
      { studentId: inst.id },
      { hourlyRateCents: 1 },
    ]) {
      const res = await book(t, s.token, {
        ...lessonBody(inst.offerings[0]!.id, tomorrow(), '12:00'),
        ...extra,
      });
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
    }
  });

  it('emails a confirmation with a calendar file to both people', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    expect((await book(t, s.token, lessonBody(inst.offerings[0]!.id, tomorrow(), '14:00'))).statusCode).toBe(
      201,
    );
    await t.drainJobs();
    for (const to of [s.email, inst.email]) {
      const [mail] = await t.deps.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'booking_confirmed')));
      expect(mail?.template).toBe('booking_confirmed');
      expect(mail?.attachments?.[0]?.content).toContain('BEGIN:VEVENT');
    }
  });

  it('refuses each broken rule with a 422 naming it', async () => {
    const inst = await pianoTeacher(t, { minAdvanceHours: 3, maxDaysAhead: 5, bufferMinutes: 15 });
    const s = await t.user();
    const o = inst.offerings[0]!.id;
    const today = localDate(clock.now(), 0);
    await t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: s.token,
      payload: lessonBody(o, tomorrow(), '12:00'),
    });
    const cases: [Record<string, unknown>, number, string][] = [
      [lessonBody(o, tomorrow(), '07:00'), 422, 'OUTSIDE_AVAILABILITY'],
      [lessonBody(o, tomorrow(), '16:30'), 422, 'OUTSIDE_AVAILABILITY'],
      [lessonBody(o, today, '11:00'), 422, 'MIN_NOTICE'],
      [lessonBody(o, today, '09:00'), 422, 'IN_PAST'],
      [lessonBody(o, localDate(clock.now(), 7), '10:00'), 422, 'TOO_FAR_AHEAD'],
      [lessonBody(o, tomorrow(), '10:00', 45), 422, 'DURATION_NOT_ALLOWED'],
      [lessonBody(o, tomorrow(), '10:10'), 422, 'NOT_ON_GRID'],
      [lessonBody(o, tomorrow(), '13:00'), 409, 'BOOKING_CONFLICT'], // inside the 15-min buffer after 12:00-13:00
      [lessonBody(o, tomorrow(), '11:00'), 409, 'BOOKING_CONFLICT'], // would end inside the buffer before 12:00
      [{ ...lessonBody(o, tomorrow(), '15:00'), locationType: 'student_place' }, 422, 'LOCATION_NOT_OFFERED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await book(t, s.token, body);
      expect([res.statusCode, res.json().error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    // Just outside the buffer is fine.
    expect((await book(t, s.token, lessonBody(o, tomorrow(), '13:15'))).statusCode).toBe(201);
  });

  it('refuses a blackout day, a suspended instructor and booking yourself', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const o = inst.offerings[0]!.id;
    const { blackoutDates } = await import('../../db/schema/index.js');
    await t.deps.db
      .insert(blackoutDates)
      .values({ instructorId: inst.id, date: localDate(clock.now(), 2), reason: 'concert' });
    await t.services.availability.invalidate(inst.id);
    expect(
      (await book(t, s.token, lessonBody(o, localDate(clock.now(), 2), '10:00'))).json().error.code,
    ).toBe('BLACKOUT');
    expect((await book(t, inst.token, lessonBody(o, tomorrow(), '10:00'))).json().error.code).toBe(
      'SELF_BOOKING',
    );
    await t.services.accountStatus.change(inst.id, 'suspended', inst.id);
    const res = await book(t, s.token, lessonBody(o, tomorrow(), '10:00'));
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'INSTRUCTOR_UNAVAILABLE']);
  });

  it('a lesson ending exactly where another begins is fine without a buffer', async () => {
    const inst = await pianoTeacher(t);
    const [a, b] = [await t.user(), await t.user()];
    const o = inst.offerings[0]!.id;
    expect((await book(t, a.token, lessonBody(o, tomorrow(), '10:00'))).statusCode).toBe(201);
    expect((await book(t, b.token, lessonBody(o, tomorrow(), '11:00'))).statusCode).toBe(201);
  });

  it('unknown, malformed or missing offering ids are 404; anonymous is 401', async () => {
    const s = await t.user();
    expect(
      (await book(t, s.token, lessonBody('00000000-0000-4000-8000-000000000000', tomorrow(), '10:00')))
        .statusCode,
    ).toBe(404);
    expect((await book(t, s.token, lessonBody('nope', tomorrow(), '10:00'))).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/v1/bookings', payload: {} })).statusCode).toBe(401);
  });
});

describe('no double booking, ever', () => {
  it('50 concurrent requests for one slot: exactly one 201 and 49 × 409, one row', async () => {
    const inst = await pianoTeacher(t);
    const students = await Promise.all(Array.from({ length: 10 }, () => t.user()));
    const body = lessonBody(inst.offerings[0]!.id, tomorrow(), '15:00');
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => book(t, students[i % 10]!.token, body)),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().error.code).toBe('BOOKING_CONFLICT');
    const rows = await t.deps.db.select().from(bookings).where(eq(bookings.instructorId, inst.id));
    expect(rows).toHaveLength(1);
  });

  it('one student booking two instructors at the same time concurrently: one wins', async () => {
    const [i1, i2] = [await pianoTeacher(t), await pianoTeacher(t)];
    const s = await t.user();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        book(t, s.token, lessonBody((k % 2 ? i1 : i2).offerings[0]!.id, tomorrow(), '16:00')),
      ),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(49);
    const rows = await t.deps.db.select().from(bookings).where(eq(bookings.studentId, s.id));
    expect(rows).toHaveLength(1);
  });

  it("an instructor's own lesson as a student blocks their teaching time", async () => {
    const teacherWhoLearns = await pianoTeacher(t);
    const other = await pianoTeacher(t);
    const s = await t.user();
    expect(
      (await book(t, teacherWhoLearns.token, lessonBody(other.offerings[0]!.id, tomorrow(), '09:00')))
        .statusCode,
    ).toBe(201);
    const res = await book(
      t,
      s.token,
      lessonBody(teacherWhoLearns.offerings[0]!.id, tomorrow(), '09:30', 30),
    );
    expect(res.statusCode).toBe(409);
  });
});

describe('Idempotency-Key', () => {
  it('a retry returns the same booking; another body with the key is 409', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const body = lessonBody(inst.offerings[0]!.id, tomorrow(), '09:00');
    const first = await book(t, s.token, body, { 'idempotency-key': 'abc-123' });
    const again = await book(t, s.token, body, { 'idempotency-key': 'abc-123' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await book(t, s.token, { ...body, startTime: '11:00' }, { 'idempotency-key': 'abc-123' });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Keys are per user: another student may use the same string.
    const s2 = await t.user();
    const theirs = await book(t, s2.token, { ...body, startTime: '13:00' }, { 'idempotency-key': 'abc-123' });
    expect(theirs.statusCode).toBe(201);
  });

  it('concurrent duplicates create one booking', async () => {
    const inst = await pianoTeacher(t);
    const s = await t.user();
    const body = lessonBody(inst.offerings[0]!.id, tomorrow(), '10:00');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => book(t, s.token, body, { 'idempotency-key': 'same' })),
    );
    const ok = results.filter((r) => r.statusCode === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.json().id)).size).toBe(1);
    for (const r of results.filter((x) => x.statusCode !== 201))
      expect(r.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await t.deps.db.select().from(bookings).where(eq(bookings.studentId, s.id))).toHaveLength(1);
  });
});

describe('booking rate limit', () => {
  it('is per user: one student is throttled, another is not', async () => {
    const limited = await bookingsTestApp(clock, 2);
    try {
      const inst = await pianoTeacher(limited);
      const [a, b] = [await limited.user(), await limited.user()];
      const o = inst.offerings[0]!.id;
      const codes = [];
      for (const time of ['09:00', '10:00', '11:00'])
        codes.push((await book(limited, a.token, lessonBody(o, tomorrow(), time))).statusCode);
      expect(codes).toEqual([201, 201, 429]);
      expect((await book(limited, b.token, lessonBody(o, tomorrow(), '12:00'))).statusCode).toBe(201);
    } finally {
      await limited.close();
    }
  });
});
