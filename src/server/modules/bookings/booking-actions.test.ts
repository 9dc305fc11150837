import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKING_ACTIONS } from '../../../contracts/bookings.js';
import type { BookingAction } from '../../../contracts/bookings.js';
import { ManualClock } from '../../platform/clock.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import {
  START,
  at,
  bookLesson,
  book,
  bookingsTestApp,
  lessonBody,
  pianoTeacher,
} from './bookings.test-helpers.js';

/**
 * Issue 11: a booking's `allowedActions` and the action routes come from one rule, so what the
 * web app offers is exactly what the API would do. For every action, viewer and moment of a
 * lesson's life, the action is listed if and only if performing it succeeds.
 */

const clock = new ManualClock(START);
let t: TestApp;
let admin: { token: string };
beforeAll(async () => {
  t = await bookingsTestApp(clock);
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

const DATE = localDate(START, 2);
const LESSON_START = at(DATE, '10:00');
const hours = (h: number) => new Date(LESSON_START.getTime() + h * 3_600_000);
/** Before the reschedule limit, inside it, during the lesson, after it. */
const MOMENTS: [string, Date][] = [
  ['30 h before', hours(-30)],
  ['1 h before', hours(-1)],
  ['during', hours(0.5)],
  ['after', hours(2)],
];

const REQUESTS: Record<BookingAction, { path: string; body?: object }> = {
  cancel: { path: 'cancel', body: { reason: 'Change of plans' } },
  reschedule: { path: 'reschedule', body: { date: localDate(START, 5), startTime: '11:00' } },
  complete: { path: 'complete' },
  no_show: { path: 'no-show' },
};

/** A lesson at DATE 10:00, booked at START; the tokens of everyone who may look at it. */
async function lesson() {
  clock.set(START);
  const { id, inst, student } = await bookLesson(t, DATE);
  return { id, tokens: { student: student.token, instructor: inst.token, admin: admin.token } };
}

describe('allowed actions agree with the API', () => {
  for (const [moment, now] of MOMENTS) {
    for (const viewer of ['student', 'instructor', 'admin'] as const) {
      it(`${viewer}, ${moment}: each action is offered exactly when doing it succeeds`, async () => {
        for (const action of BOOKING_ACTIONS) {
          const { id, tokens } = await lesson();
          clock.set(now);
          const token = tokens[viewer];
          const shown = await t.request({ method: 'GET', url: `/api/v1/bookings/${id}`, token });
          expect(shown.statusCode).toBe(200);
          const offered = (shown.json().allowedActions as string[]).includes(action);
          const { path, body } = REQUESTS[action];
          const done = await t.request({
            method: 'POST',
            url: `/api/v1/bookings/${id}/${path}`,
            token,
            payload: body,
          });
          expect({ action, offered, answered: done.statusCode }, `${done.body}`).toEqual({
            action,
            offered,
            answered: offered ? 200 : expect.not.stringMatching(/^2/),
          });
          if (!offered) expect(done.statusCode).toBeGreaterThanOrEqual(400);
        }
      });
    }
  }

  it('the answer to an action and a replayed booking carry the actions for that moment', async () => {
    clock.set(START);
    const inst = await pianoTeacher(t);
    const student = await t.user();
    // Tomorrow 10:00 New York (24 h away): the replay below stays inside the key's 24 h.
    const body = lessonBody(inst.offerings[0]!.id, localDate(START, 1), '10:00');
    const first = await book(t, student.token, body, { 'idempotency-key': 'actions-replay-1' });
    expect(first.json().allowedActions).toEqual(['cancel', 'reschedule']);
    clock.set(new Date(START.getTime() + 13 * 3_600_000)); // 11 h before: too late to reschedule
    const replay = await book(t, student.token, body, { 'idempotency-key': 'actions-replay-1' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().allowedActions).toEqual(['cancel']);
    const cancelled = await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${first.json().id}/cancel`,
      token: student.token,
      payload: { reason: 'Sick' },
    });
    expect(cancelled.json().allowedActions).toEqual([]);
  });

  it('a student whose cancel_own_bookings was revoked is offered neither cancel nor reschedule', async () => {
    const { id, tokens } = await lesson();
    const me = await t.request({ method: 'GET', url: '/api/v1/auth/me', token: tokens.student });
    const revoke = await t.request({
      method: 'DELETE',
      url: `/api/v1/admin/users/${me.json().user.id}/permissions/cancel_own_bookings`,
      token: admin.token,
    });
    expect(revoke.statusCode).toBe(200);
    const shown = await t.request({ method: 'GET', url: `/api/v1/bookings/${id}`, token: tokens.student });
    expect(shown.json().allowedActions).toEqual([]);
    const cancel = await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${id}/cancel`,
      token: tokens.student,
      payload: { reason: 'Sick' },
    });
    expect(cancel.statusCode).toBe(403);
  });
});
