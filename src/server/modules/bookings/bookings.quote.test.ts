import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { cancellationQuote } from '../../../contracts/money.js';
import { START, bookLesson, bookingsTestApp, hoursBefore } from './bookings.test-helpers.js';

const clock = new ManualClock(START);
let t: TestApp;
beforeAll(async () => {
  t = await bookingsTestApp(clock);
});
afterAll(() => t.close());
beforeEach(() => clock.set(START));

const POLICY = { freeHours: 24, partialHours: 12, partialPercent: 50, latePercent: 100 };

/** A confirmed 60-minute $60 lesson three days out at 10:00 New York time. */
const lesson = () => bookLesson(t, localDate(START, 3));
const quoteOf = async (id: string, token: string) => {
  const res = await t.request({ method: 'GET', url: `/api/v1/bookings/${id}`, token });
  expect(res.statusCode).toBe(200);
  return res.json().cancellationQuote;
};

describe('cancellation quote on GET /bookings/:id', () => {
  it('48 h ahead: free, with the policy to explain it', async () => {
    const { student, id, startsAt } = await lesson();
    hoursBefore(clock, startsAt, 48);
    expect(await quoteOf(id, student.token)).toEqual({
      feeCents: 0,
      percent: 0,
      hoursBeforeStart: 48,
      policy: POLICY,
    });
  });

  it('18 h ahead: half the price', async () => {
    const { student, id, startsAt } = await lesson();
    hoursBefore(clock, startsAt, 18);
    expect(await quoteOf(id, student.token)).toMatchObject({
      feeCents: 3000,
      percent: 50,
      hoursBeforeStart: 18,
    });
  });

  it('2 h ahead: the full price, exactly what cancelling then charges', async () => {
    const { student, id, startsAt } = await lesson();
    clock.set(new Date(startsAt.getTime() - 2 * 3_600_000 - 5 * 60_000));
    const quote = await quoteOf(id, student.token);
    expect(quote).toMatchObject({ feeCents: 6000, percent: 100, hoursBeforeStart: 2 });
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${id}/cancel`,
      token: student.token,
      payload: { reason: 'sick' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().cancellationFeeCents).toBe(quote.feeCents);
    // The cancel answer is the plain view; the quote lives on GET only.
    expect(res.json()).not.toHaveProperty('cancellationQuote');
  });

  it('the instructor and an admin see a free cancellation, even late', async () => {
    const { inst, id, startsAt } = await lesson();
    const admin = await t.user({ roles: ['admin'] });
    hoursBefore(clock, startsAt, 2);
    for (const token of [inst.token, admin.token]) {
      expect(await quoteOf(id, token)).toMatchObject({ feeCents: 0, percent: 0, hoursBeforeStart: 2 });
    }
  });

  it('null once cancelled or once the lesson has started', async () => {
    const a = await lesson();
    await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${a.id}/cancel`,
      token: a.student.token,
      payload: { reason: 'trip' },
    });
    expect(await quoteOf(a.id, a.student.token)).toBeNull();
    const b = await lesson();
    clock.set(b.startsAt);
    expect(await quoteOf(b.id, b.student.token)).toBeNull();
    expect(await quoteOf(b.id, b.inst.token)).toBeNull();
  });

  it('is not added to the booking list', async () => {
    const { student } = await lesson();
    const res = await t.request({ method: 'GET', url: '/api/v1/bookings?as=student', token: student.token });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).not.toHaveProperty('cancellationQuote');
  });
});

describe('cancellationQuote (pure)', () => {
  const b = { status: 'confirmed' as const, startsAt: START, priceCents: 4500 };
  const before = (ms: number) => new Date(START.getTime() - ms);

  it('rounds the hours down to a tenth, without float error', () => {
    expect(cancellationQuote(b, 'student', before(18 * 3_600_000))?.hoursBeforeStart).toBe(18);
    expect(cancellationQuote(b, 'student', before(18 * 3_600_000 - 1))?.hoursBeforeStart).toBe(17.9);
    expect(cancellationQuote(b, 'student', before(0.3 * 3_600_000))?.hoursBeforeStart).toBe(0.3);
    expect(cancellationQuote(b, 'student', before(1))?.hoursBeforeStart).toBe(0);
  });

  it('decides the percent on the exact time, like cancel(), not the rounded one', () => {
    // 24 h and one minute: free, though it shows as 24.0 h.
    const q = cancellationQuote(b, 'student', before(24 * 3_600_000 + 60_000));
    expect(q).toMatchObject({ hoursBeforeStart: 24, percent: 0, feeCents: 0 });
    expect(cancellationQuote(b, 'student', before(24 * 3_600_000))).toMatchObject({ percent: 50 });
  });

  it('rounds the fee half up', () => {
    expect(cancellationQuote({ ...b, priceCents: 4501 }, 'student', before(13 * 3_600_000))?.feeCents).toBe(
      2251,
    );
  });

  it('null for a lesson not confirmed or already started', () => {
    expect(cancellationQuote({ ...b, status: 'completed' }, 'student', before(3_600_000))).toBeNull();
    expect(cancellationQuote(b, 'admin', START)).toBeNull();
  });
});

describe('GET /bookings/terms', () => {
  it('shows anyone, before booking, the policy a quote later applies', async () => {
    const anonymous = await t.request({ method: 'GET', url: '/api/v1/bookings/terms' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ cancellation: POLICY, rescheduleMinHours: 12 });

    const { student, id, startsAt } = await lesson();
    hoursBefore(clock, startsAt, 30);
    expect((await quoteOf(id, student.token)).policy).toEqual(anonymous.json().cancellation);
  });
});
