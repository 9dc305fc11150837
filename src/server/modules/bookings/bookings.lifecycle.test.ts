import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookingHistory, emailOutbox } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import {
  START,
  bookLesson,
  book,
  bookingsTestApp,
  hoursBefore,
  lessonBody,
  pianoTeacher,
} from './bookings.test-helpers.js';

const clock = new ManualClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await bookingsTestApp(clock);
});
afterAll(() => t.close());
beforeEach(() => clock.set(START));

/** A confirmed 60-minute lesson two days out at 10:00 New York time. */
const lesson = () => bookLesson(t, localDate(START, 2));
const post = (url: string, token: string | undefined, payload?: object) =>
  t.request({ method: 'POST', url, token, payload });

describe('cancellation fees (controlled clock)', () => {
  it.each([
    [30, 0],
    [24, 50],
    [13, 50],
    [11, 100],
  ])('a student cancelling %i h before owes %i percent', async (h, pct) => {
    const { student, booking, startsAt } = await lesson();
    hoursBefore(clock, startsAt, h);
    const res = await post(`/api/v1/bookings/${booking.id}/cancel`, student.token, { reason: 'sick' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'student',
      cancellationFeeCents: (6000 * pct) / 100,
      cancellationReason: 'sick',
    });
  });

  it('the instructor cancelling costs the student nothing, even an hour before', async () => {
    const { inst, booking, startsAt } = await lesson();
    hoursBefore(clock, startsAt, 1);
    const res = await post(`/api/v1/bookings/${booking.id}/cancel`, inst.token, { reason: 'flu' });
    expect(res.json()).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'instructor',
      cancellationFeeCents: 0,
    });
  });

  it('needs a reason, frees the slot, and emails both people', async () => {
    const { student, booking, inst, date } = await lesson();
    expect((await post(`/api/v1/bookings/${booking.id}/cancel`, student.token, {})).statusCode).toBe(400);
    expect(
      (await post(`/api/v1/bookings/${booking.id}/cancel`, student.token, { reason: 'trip' })).statusCode,
    ).toBe(200);
    const other = await t.user();
    expect((await book(t, other.token, lessonBody(inst.offerings[0]!.id, date, '10:00'))).statusCode).toBe(
      201,
    );
    await t.drainJobs();
    const mails = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.template, 'booking_cancelled'));
    expect(mails.map((m) => m.toAddress)).toEqual(expect.arrayContaining([student.email, inst.email]));
  });

  it('nothing leaves cancelled; a student cannot cancel after the start', async () => {
    const a = await lesson();
    await post(`/api/v1/bookings/${a.booking.id}/cancel`, a.student.token, { reason: 'x' });
    expect(
      (await post(`/api/v1/bookings/${a.booking.id}/cancel`, a.student.token, { reason: 'x' })).json().error
        .code,
    ).toBe('NOT_CANCELLABLE');
    expect((await post(`/api/v1/bookings/${a.booking.id}/complete`, a.inst.token)).statusCode).toBe(422);
    const b = await lesson();
    clock.set(new Date(b.startsAt.getTime() + 60_000));
    expect(
      (await post(`/api/v1/bookings/${b.booking.id}/cancel`, b.student.token, { reason: 'x' })).json().error
        .code,
    ).toBe('LESSON_STARTED');
  });
});

describe('reschedule', () => {
  it('moves the lesson atomically, keeps its id and records the old time', async () => {
    const { student, booking, date, inst } = await lesson();
    const res = await post(`/api/v1/bookings/${booking.id}/reschedule`, student.token, {
      date,
      startTime: '14:00',
      durationMinutes: 90,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: booking.id,
      startTime: '14:00',
      endTime: '15:30',
      priceCents: 9000,
    });
    const [h] = await t.deps.db.select().from(bookingHistory).where(eq(bookingHistory.event, 'rescheduled'));
    expect(h?.detail).toMatchObject({ from: { startsAt: booking.startsAt } });
    // The old time is free again.
    const other = await t.user();
    expect((await book(t, other.token, lessonBody(inst.offerings[0]!.id, date, '10:00'))).statusCode).toBe(
      201,
    );
  });

  it('to a taken time changes nothing', async () => {
    const { student, booking, date, inst } = await lesson();
    const other = await t.user();
    expect((await book(t, other.token, lessonBody(inst.offerings[0]!.id, date, '12:00'))).statusCode).toBe(
      201,
    );
    const res = await post(`/api/v1/bookings/${booking.id}/reschedule`, student.token, {
      date,
      startTime: '11:30',
    });
    expect(res.statusCode).toBe(409);
    const still = await t.request({
      method: 'GET',
      url: `/api/v1/bookings/${booking.id}`,
      token: student.token,
    });
    expect(still.json()).toMatchObject({ startTime: '10:00', status: 'confirmed' });
  });

  it('is refused within 12 h of the start, outside availability, and for the instructor', async () => {
    const { student, booking, date, inst, startsAt } = await lesson();
    expect(
      (
        await post(`/api/v1/bookings/${booking.id}/reschedule`, student.token, { date, startTime: '20:00' })
      ).json().error.code,
    ).toBe('OUTSIDE_AVAILABILITY');
    expect(
      (
        await post(`/api/v1/bookings/${booking.id}/reschedule`, inst.token, { date, startTime: '13:00' })
      ).json().error.code,
    ).toBe('STUDENT_ONLY');
    hoursBefore(clock, startsAt, 11);
    expect(
      (
        await post(`/api/v1/bookings/${booking.id}/reschedule`, student.token, { date, startTime: '13:00' })
      ).json().error.code,
    ).toBe('RESCHEDULE_TOO_LATE');
  });
});

describe('complete and no-show', () => {
  it('complete only after the end, no-show only after the start, by the instructor', async () => {
    const { inst, student, booking, startsAt } = await lesson();
    expect((await post(`/api/v1/bookings/${booking.id}/complete`, inst.token)).json().error.code).toBe(
      'LESSON_NOT_ENDED',
    );
    expect((await post(`/api/v1/bookings/${booking.id}/no-show`, inst.token)).json().error.code).toBe(
      'LESSON_NOT_STARTED',
    );
    clock.set(new Date(startsAt.getTime() + 61 * 60_000));
    // A student holds no permission to record outcomes at all: refused before the id is looked at.
    expect((await post(`/api/v1/bookings/${booking.id}/complete`, student.token)).statusCode).toBe(403);
    const res = await post(`/api/v1/bookings/${booking.id}/complete`, inst.token);
    expect(res.json().status).toBe('completed');
    expect((await post(`/api/v1/bookings/${booking.id}/no-show`, inst.token)).statusCode).toBe(422);
  });

  it('lessons nobody marked complete themselves 24 h after the end (scheduled job)', async () => {
    const { booking, startsAt, student } = await lesson();
    clock.set(new Date(startsAt.getTime() + 26 * 3_600_000));
    await t.deps.jobs.enqueue('bookings.auto-complete', {});
    await t.drainJobs();
    // BullMQ runs it in its worker: wait for the outcome rather than for the queue.
    let status = '';
    for (let i = 0; i < 100 && status !== 'completed'; i++) {
      status = (
        await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: student.token })
      ).json().status;
      if (status !== 'completed') await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe('completed');
  });
});

describe('reminders', () => {
  it('emails both people once, 24 h before a lesson booked further ahead', async () => {
    const { startsAt, student, inst } = await lesson();
    const reminders = async () =>
      (await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.template, 'booking_reminder'))).filter(
        (m) => [student.email, inst.email].includes(m.toAddress),
      );
    await t.deps.jobs.enqueue('bookings.reminders', {});
    await t.drainJobs();
    expect(await reminders()).toHaveLength(0); // two days ahead: not yet
    clock.set(new Date(startsAt.getTime() - 23 * 3_600_000));
    for (let i = 0; i < 2; i++) {
      await t.deps.jobs.enqueue('bookings.reminders', {});
      await t.drainJobs();
    }
    for (let i = 0; i < 100 && (await reminders()).length < 2; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await reminders()).map((m) => m.toAddress).sort()).toEqual([student.email, inst.email].sort());
  });
});

describe('who may see and act on a booking', () => {
  it('owner and instructor see it; another user gets 404; anonymous 401; admin sees it', async () => {
    const { booking, student, inst } = await lesson();
    const other = await t.user();
    const admin = await t.user({ roles: ['admin'] });
    const get = (token?: string) =>
      t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token });
    expect((await get(student.token)).statusCode).toBe(200);
    expect((await get(inst.token)).statusCode).toBe(200);
    expect((await get(other.token)).statusCode).toBe(404);
    expect((await get()).statusCode).toBe(401);
    expect((await get(admin.token)).statusCode).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/bookings/not-a-uuid', token: admin.token })).statusCode,
    ).toBe(404);
    for (const action of ['cancel', 'reschedule', 'complete', 'no-show']) {
      const res = await post(
        `/api/v1/bookings/${booking.id}/${action}`,
        other.token,
        action === 'cancel'
          ? { reason: 'x' }
          : action === 'reschedule'
            ? { date: '2026-11-30', startTime: '10:00' }
            : undefined,
      );
      // Outcomes need complete_bookings, which a student never has: 403 whatever the id.
      expect(res.statusCode, action).toBe(action === 'complete' || action === 'no-show' ? 403 : 404);
      expect((await post(`/api/v1/bookings/${booking.id}/${action}`, undefined, {})).statusCode, action).toBe(
        401,
      );
    }
    // Another instructor holds the permission but not the lesson: 404, as for a missing id.
    const otherInstructor = await pianoTeacher(t);
    for (const action of ['complete', 'no-show', 'cancel']) {
      const res = await post(
        `/api/v1/bookings/${booking.id}/${action}`,
        otherInstructor.token,
        action === 'cancel' ? { reason: 'x' } : undefined,
      );
      expect(res.statusCode, action).toBe(404);
    }
    const ics = await t.request({
      method: 'GET',
      url: `/api/v1/bookings/${booking.id}/calendar.ics`,
      token: student.token,
    });
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(
      (
        await t.request({
          method: 'GET',
          url: `/api/v1/bookings/${booking.id}/calendar.ics`,
          token: other.token,
        })
      ).statusCode,
    ).toBe(404);
    // An admin may cancel any lesson, free of charge for the student.
    const cancelled = await post(`/api/v1/bookings/${booking.id}/cancel`, admin.token, {
      reason: 'moderation',
    });
    expect(cancelled.json()).toMatchObject({ cancelledBy: 'admin', cancellationFeeCents: 0 });
  });
});

describe('My Lessons', () => {
  it('lists upcoming and history for the student and the instructor, with Book Again and stats', async () => {
    const { inst, student, booking, startsAt } = await lesson();
    const list = (token: string, q: string) =>
      t.request({ method: 'GET', url: `/api/v1/bookings?${q}`, token });
    expect((await list(student.token, 'scope=upcoming')).json()).toMatchObject({
      total: 1,
      items: [{ id: booking.id }],
    });
    expect((await list(inst.token, 'as=instructor&scope=upcoming')).json().total).toBe(1);
    expect((await list(student.token, 'as=instructor')).statusCode).toBe(403);
    clock.set(new Date(startsAt.getTime() + 2 * 3_600_000));
    await post(`/api/v1/bookings/${booking.id}/complete`, inst.token);
    expect((await list(student.token, 'scope=upcoming')).json().total).toBe(0);
    expect((await list(student.token, 'scope=history')).json().items[0].status).toBe('completed');
    const again = await t.request({
      method: 'GET',
      url: '/api/v1/bookings/book-again',
      token: student.token,
    });
    expect(again.json().items[0]).toMatchObject({ instructor: { id: inst.id }, service: { slug: 'piano' } });
    const stats = await t.request({ method: 'GET', url: '/api/v1/bookings/stats', token: inst.token });
    expect(stats.json()).toMatchObject({ completed: 1, upcoming: 0, earningsTotalCents: 6000 });
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/bookings/stats', token: student.token })).statusCode,
    ).toBe(403);
  });

  it('deactivating a student cancels their future lessons without fee', async () => {
    const { student, booking, inst } = await lesson();
    await t.services.accountStatus.change(student.id, 'deactivated', student.id);
    const res = await t.request({ method: 'GET', url: `/api/v1/bookings/${booking.id}`, token: inst.token });
    expect(res.json()).toMatchObject({ status: 'cancelled', cancellationFeeCents: 0, cancelledBy: 'system' });
  });
});
