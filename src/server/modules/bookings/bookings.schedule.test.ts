import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { START, at, book, bookLesson, bookingsTestApp, lessonBody } from './bookings.test-helpers.js';

/** Issue 17, flow 18: the instructor's calendar reads their lessons by days in their own zone. */

const clock = new ManualClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await bookingsTestApp(clock);
});
afterAll(() => t.close());

const schedule = (token: string | undefined, query: string) =>
  t.request({ method: 'GET', url: `/api/v1/bookings/schedule?${query}`, token });

describe('GET /bookings/schedule', () => {
  it('lists the instructor’s lessons starting in the days asked for, of any status, earliest first', async () => {
    clock.set(START);
    const day2 = localDate(START, 2);
    const day4 = localDate(START, 4);
    const { inst, id: first } = await bookLesson(t, day2);
    const other = await t.user();
    const later = await book(t, other.token, lessonBody(inst.offerings[0]!.id, day4, '14:00'));
    expect(later.statusCode).toBe(201);
    const cancelled = await book(t, other.token, lessonBody(inst.offerings[0]!.id, day2, '15:00', 30));
    await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${cancelled.json().id}/cancel`,
      token: other.token,
      payload: { reason: 'Ill' },
    });

    const res = await schedule(inst.token, `from=${day2}&days=3`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.timezone).toBe('America/New_York');
    expect(body.from).toBe(day2);
    expect(body.to).toBe(localDate(START, 5));
    expect(body.items.map((b: { id: string; status: string }) => [b.id, b.status])).toEqual([
      [first, 'confirmed'],
      [cancelled.json().id, 'cancelled'],
      [later.json().id, 'confirmed'],
    ]);
    expect(body.items[0].student.name).toBeTruthy();
    expect(body.items[0].allowedActions).toContain('cancel');

    // One day: only that day's lessons; the day ends at the instructor's midnight.
    const oneDay = await schedule(inst.token, `from=${day4}&days=1`);
    expect(oneDay.json().items.map((b: { id: string }) => b.id)).toEqual([later.json().id]);
    const before = await schedule(inst.token, `from=${localDate(START, 0)}&days=2`);
    expect(before.json().items).toEqual([]);
    expect(at(day2, '10:00').toISOString()).toBe(body.items[0].startsAt);
  });

  it('shows no one else’s lessons: a student, another instructor and an admin see only their own (none)', async () => {
    clock.set(START);
    const day = localDate(START, 3);
    const { student } = await bookLesson(t, day);
    const stranger = await bookLesson(t, localDate(START, 6));
    // A student has no incoming bookings to read.
    expect((await schedule(student.token, `from=${day}&days=1`)).statusCode).toBe(403);
    const otherInstructor = await schedule(stranger.inst.token, `from=${day}&days=1`);
    expect(otherInstructor.statusCode).toBe(200);
    expect(otherInstructor.json().items).toEqual([]);
    const admin = await t.user({ roles: ['admin'] });
    // An admin reads their own calendar here, not everyone's (that is the admin bookings list).
    const asAdmin = await schedule(admin.token, `from=${day}&days=1`);
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json().items).toEqual([]);
    expect((await schedule(undefined, `from=${day}&days=1`)).statusCode).toBe(401);
  });

  it('refuses a range over six weeks, a bad date and unknown parameters with 400', async () => {
    const { inst } = await bookLesson(t, localDate(START, 1));
    for (const q of [
      'from=2026-11-24&days=43',
      'from=2026-11-24&days=0',
      'from=2026-02-30',
      'days=7',
      'from=2026-11-24&as=student',
    ]) {
      const res = await schedule(inst.token, q);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await schedule(inst.token, 'from=2026-11-24&days=42')).statusCode).toBe(200);
  });
});
