import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingHistory, emailOutbox } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { START, at, book, bookLesson, bookingsTestApp, lessonBody } from './bookings.test-helpers.js';

/** Issue 17, flow 18 and decision 0036: the instructor proposes a new time, the student answers. */

const clock = new ManualClock(START);
let t: TestApp;
let admin: { token: string };
beforeAll(async () => {
  t = await bookingsTestApp(clock);
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

const DATE = localDate(START, 3);
const post = (url: string, token: string | undefined, payload?: object) =>
  t.request({ method: 'POST', url: `/api/v1/bookings/${url}`, token, payload });
const get = (id: string, token: string | undefined) =>
  t.request({ method: 'GET', url: `/api/v1/bookings/${id}/proposal`, token });
const propose = (id: string, token: string | undefined, startTime = '14:00', date = DATE) =>
  post(`${id}/proposal`, token, { date, startTime });

/** A lesson at DATE 10:00 with an open proposal for 14:00 the same day. */
async function proposed() {
  clock.set(START);
  const l = await bookLesson(t, DATE);
  const res = await propose(l.id, l.inst.token);
  expect(res.statusCode).toBe(201);
  return { ...l, proposalId: res.json().id as string };
}

describe('proposing a new time', () => {
  it('only the lesson’s instructor proposes; the student is emailed in the same step', async () => {
    clock.set(START);
    const l = await bookLesson(t, DATE);
    // Another instructor: the lesson is not theirs to see.
    const stranger = await t.user({ roles: ['instructor'] });
    expect((await propose(l.id, undefined)).statusCode).toBe(401);
    expect((await propose(l.id, stranger.token)).statusCode).toBe(404);
    expect((await propose(l.id, l.student.token)).statusCode).toBe(403);
    expect((await propose(l.id, admin.token)).statusCode).toBe(403);
    expect((await get(l.id, l.student.token)).json()).toEqual({ proposal: null });

    const res = await propose(l.id, l.inst.token);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'open', date: DATE, startTime: '14:00', durationMinutes: 60 });
    expect(res.json().startsAt).toBe(at(DATE, '14:00').toISOString());
    const mails = await t.deps.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, l.student.email));
    expect(mails.filter((m) => m.template === 'booking_time_proposed')).toHaveLength(1);
  });

  it('refuses a time the instructor is not free for the whole lesson, changing nothing', async () => {
    clock.set(START);
    const l = await bookLesson(t, DATE);
    // Open 09:00–17:00: a 60-minute lesson at 16:30 runs past it.
    const late = await propose(l.id, l.inst.token, '16:30');
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('OUTSIDE_AVAILABILITY');
    const same = await propose(l.id, l.inst.token, '10:00');
    expect(same.statusCode).toBe(422);
    expect((await get(l.id, l.inst.token)).json().proposal).toBeNull();
    const bad = await post(`${l.id}/proposal`, l.inst.token, { date: DATE, startTime: '14:00', price: 1 });
    expect(bad.statusCode).toBe(400);
  });

  it('a new proposal replaces the open one, which can then no longer be accepted', async () => {
    const l = await proposed();
    const second = await propose(l.id, l.inst.token, '15:00');
    expect(second.statusCode).toBe(201);
    const old = await post(`${l.id}/proposal/accept`, l.student.token, { proposalId: l.proposalId });
    expect(old.statusCode).toBe(409);
    expect(old.json().error.code).toBe('PROPOSAL_GONE');
    expect((await get(l.id, l.student.token)).json().proposal).toMatchObject({
      id: second.json().id,
      startTime: '15:00',
      status: 'open',
    });
  });

  it('both people and an admin read the latest proposal; anyone else gets 404', async () => {
    const l = await proposed();
    const stranger = await t.user();
    for (const token of [l.student.token, l.inst.token, admin.token])
      expect((await get(l.id, token)).json().proposal.id).toBe(l.proposalId);
    expect((await get(l.id, stranger.token)).statusCode).toBe(404);
    expect((await get(l.id, undefined)).statusCode).toBe(401);
  });
});

describe('answering a proposal', () => {
  it('only the student accepts; the lesson moves to the proposed time', async () => {
    const l = await proposed();
    const stranger = await t.user();
    const accept = (token: string | undefined) =>
      post(`${l.id}/proposal/accept`, token, { proposalId: l.proposalId });
    expect((await accept(undefined)).statusCode).toBe(401);
    expect((await accept(stranger.token)).statusCode).toBe(404);
    expect((await accept(l.inst.token)).statusCode).toBe(403);
    expect((await accept(admin.token)).statusCode).toBe(403);
    const res = await accept(l.student.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: l.id, startTime: '14:00', status: 'confirmed' });
    expect((await get(l.id, l.student.token)).json().proposal.status).toBe('accepted');
    expect((await accept(l.student.token)).statusCode).toBe(409);
  });

  it('only the student declines; the lesson keeps its time', async () => {
    const l = await proposed();
    const stranger = await t.user();
    const decline = (token: string | undefined) =>
      post(`${l.id}/proposal/decline`, token, { proposalId: l.proposalId });
    expect((await decline(undefined)).statusCode).toBe(401);
    expect((await decline(stranger.token)).statusCode).toBe(404);
    expect((await decline(l.inst.token)).statusCode).toBe(403);
    expect((await decline(admin.token)).statusCode).toBe(403);
    const res = await decline(l.student.token);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('declined');
    const lesson = await t.request({
      method: 'GET',
      url: `/api/v1/bookings/${l.id}`,
      token: l.student.token,
    });
    expect(lesson.json().startTime).toBe('10:00');
  });

  it('only the instructor withdraws', async () => {
    const l = await proposed();
    const stranger = await t.user({ roles: ['instructor'] });
    const withdraw = (token: string | undefined) => post(`${l.id}/proposal/withdraw`, token);
    expect((await withdraw(undefined)).statusCode).toBe(401);
    expect((await withdraw(stranger.token)).statusCode).toBe(404);
    expect((await withdraw(l.student.token)).statusCode).toBe(403);
    expect((await withdraw(admin.token)).statusCode).toBe(403);
    expect((await withdraw(l.inst.token)).json().status).toBe('withdrawn');
    expect((await withdraw(l.inst.token)).statusCode).toBe(409);
    const late = await post(`${l.id}/proposal/accept`, l.student.token, { proposalId: l.proposalId });
    expect(late.statusCode).toBe(409);
  });

  it('expires once the lesson’s own start has come, and accepting it then is 409', async () => {
    const l = await proposed();
    clock.set(at(DATE, '10:30'));
    expect((await get(l.id, l.student.token)).json().proposal.status).toBe('expired');
    const res = await post(`${l.id}/proposal/accept`, l.student.token, { proposalId: l.proposalId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROPOSAL_EXPIRED');
    clock.set(START);
  });

  it('cancelling the lesson voids its proposal', async () => {
    const l = await proposed();
    expect((await post(`${l.id}/cancel`, l.student.token, { reason: 'Ill' })).statusCode).toBe(200);
    expect((await get(l.id, l.student.token)).json().proposal.status).toBe('void');
    const res = await post(`${l.id}/proposal/accept`, l.student.token, { proposalId: l.proposalId });
    expect(res.statusCode).toBe(409);
  });
});

describe('privacy', () => {
  it('both people’s data exports hold the proposal', async () => {
    const l = await proposed();
    for (const token of [l.student.token, l.inst.token]) {
      const res = await t.request({ method: 'GET', url: '/api/v1/privacy/export', token });
      expect(res.statusCode).toBe(200);
      const rows = res.json().bookingTimeProposals as { id: string; status: string }[];
      expect(rows.map((r) => [r.id, r.status])).toEqual([[l.proposalId, 'open']]);
    }
  });
});

describe('accepting under concurrency', () => {
  it('two accepts of one proposal at once move the lesson once', async () => {
    const l = await proposed();
    const accept = () => post(`${l.id}/proposal/accept`, l.student.token, { proposalId: l.proposalId });
    const codes = (await Promise.all([accept(), accept()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const moves = await t.deps.db.select().from(bookingHistory).where(eq(bookingHistory.bookingId, l.id));
    expect(moves.filter((h) => h.event === 'rescheduled')).toHaveLength(1);
  });

  it('an accept racing another student’s booking of that time: exactly one gets it', async () => {
    const l = await proposed();
    const other = await t.user();
    const [accepted, booked] = await Promise.all([
      post(`${l.id}/proposal/accept`, l.student.token, { proposalId: l.proposalId }),
      book(t, other.token, lessonBody(l.inst.offerings[0]!.id, DATE, '14:00')),
    ]);
    const wins = [accepted.statusCode === 200, booked.statusCode === 201].filter(Boolean);
    expect(wins).toHaveLength(1);
    expect([accepted.statusCode, booked.statusCode]).toEqual(
      accepted.statusCode === 200 ? [200, 409] : [409, 201],
    );
    if (accepted.statusCode === 409) {
      expect(accepted.json().error.code).toBe('PROPOSAL_EXPIRED');
      expect((await get(l.id, l.student.token)).json().proposal.status).toBe('expired');
    }
  });
});
