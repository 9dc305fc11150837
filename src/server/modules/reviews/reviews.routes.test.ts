import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviews } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import type { InstructorFixture } from '../../testing/fixtures.js';
import { createInstructor, insertLessonRow } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

type U = { token: string; id: string; email: string };
const NOW = new Date('2026-11-24T15:00:00Z');
const DAY = 86_400_000;
let t: TestApp;
let clock: ManualClock;
let admin: U;
beforeAll(async () => {
  clock = new ManualClock(NOW);
  t = await createTestApp({ clock });
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

const post = (url: string, token: string | undefined, payload: unknown) =>
  t.request({ method: 'POST', url: `/api/v1${url}`, token, payload: payload as object });
const get = (url: string, token?: string) => t.request({ method: 'GET', url: `/api/v1${url}`, token });

/** A lesson between a new student and a new instructor that ended `daysAgo` days before now. */
async function lesson(o: { daysAgo?: number; status?: string; inst?: InstructorFixture } = {}) {
  const inst = o.inst ?? (await createInstructor(t, { services: [{ slug: 'piano' }] }));
  const student = await t.user({ fullName: 'Riley Carter' });
  const startsAt = new Date(clock.now().getTime() - (o.daysAgo ?? 1) * DAY - 3_600_000).toISOString();
  const id = await insertLessonRow(t, {
    instructor: inst,
    studentId: student.id,
    startsAt,
    status: o.status ?? 'completed',
  });
  return { inst, student, id };
}
const review = (id: string, token: string | undefined, body: unknown = { rating: 5, text: 'Great' }) =>
  post(`/bookings/${id}/review`, token, body);
const feedback = (id: string, token: string | undefined, body: unknown = { rating: 4 }) =>
  post(`/bookings/${id}/student-feedback`, token, body);

describe('writing a review', () => {
  it('lets the student of a completed lesson review it once, as owner only', async () => {
    const { inst, student, id } = await lesson();
    const other = await t.user();
    expect((await review(id, undefined)).statusCode).toBe(401);
    expect((await review(id, other.token)).statusCode).toBe(404);
    expect((await review(id, inst.token)).statusCode).toBe(403);
    expect((await review(id, admin.token)).statusCode).toBe(403);
    const ok = await review(id, student.token, { rating: 3, text: 'Fine, a bit rushed', tags: ['patient'] });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      rating: 3,
      tags: ['patient'],
      reviewerName: 'Riley C.',
      published: false,
    });
    expect((await review(id, student.token)).statusCode).toBe(409);
  });

  it('refuses an upcoming lesson with 422, and a cancelled one', async () => {
    const up = await lesson({ daysAgo: -3, status: 'confirmed' });
    const r = await review(up.id, up.student.token);
    expect([r.statusCode, r.json().error.code]).toEqual([422, 'LESSON_NOT_COMPLETED']);
    const cancelled = await lesson({ status: 'cancelled' });
    expect((await review(cancelled.id, cancelled.student.token)).statusCode).toBe(422);
  });

  it('closes 14 days after the lesson ended', async () => {
    const inside = await lesson({ daysAgo: 13 });
    expect((await review(inside.id, inside.student.token)).statusCode).toBe(201);
    const late = await lesson({ daysAgo: 15 });
    const r = await review(late.id, late.student.token);
    expect([r.statusCode, r.json().error.code]).toEqual([422, 'REVIEW_WINDOW_CLOSED']);
    expect((await feedback(late.id, late.inst.token)).statusCode).toBe(422);
  });

  it('refuses bad input: stars out of range, control characters, long text, unknown tags and fields', async () => {
    const { student, id } = await lesson();
    for (const body of [
      { rating: 0 },
      { rating: 6 },
      { rating: 4.5 },
      { rating: 5, text: 'hi\u0007there' },
      { rating: 5, text: 'x'.repeat(2001) },
      { rating: 5, tags: ['rude'] },
      { rating: 5, tags: ['fun', 'fun'] },
      { rating: 5, instructorId: randomUUID() },
    ])
      expect((await review(id, student.token, body)).statusCode, JSON.stringify(body).slice(0, 40)).toBe(400);
    expect((await review(id, student.token, { rating: 5, text: 'x'.repeat(2000) })).statusCode).toBe(201);
  });
});

describe('double-blind', () => {
  it('hides each side from the other and from the public until both wrote', async () => {
    const { inst, student, id } = await lesson();
    await review(id, student.token, { rating: 2, text: 'Late and unprepared' });
    expect((await get(`/bookings/${id}/feedback`, inst.token)).json().review).toBeNull();
    expect((await get(`/instructors/${inst.id}/reviews`)).json().total).toBe(0);
    expect((await get(`/instructors/${inst.id}`)).json()).toMatchObject({ rating: null, reviewCount: 0 });

    expect((await feedback(id, student.token)).statusCode).toBe(403);
    expect((await feedback(id, admin.token)).statusCode).toBe(403);
    const f = await feedback(id, inst.token, { rating: 5, text: 'Keen student' });
    expect([f.statusCode, f.json().published]).toEqual([201, true]);
    expect((await feedback(id, inst.token)).statusCode).toBe(409);

    const mine = (await get(`/bookings/${id}/feedback`, student.token)).json();
    expect(mine).toMatchObject({ review: { published: true }, studentFeedback: { rating: 5 } });
    expect((await get(`/bookings/${id}/feedback`, inst.token)).json().review).toMatchObject({ rating: 2 });
    expect((await get(`/bookings/${id}/feedback`, (await t.user()).token)).statusCode).toBe(404);
    expect((await get(`/bookings/${id}/feedback`)).statusCode).toBe(401);
    expect((await get(`/bookings/${id}/feedback`, admin.token)).statusCode).toBe(200);
    const list = (await get(`/instructors/${inst.id}/reviews`)).json();
    expect(list).toMatchObject({ total: 1, items: [{ rating: 2, text: 'Late and unprepared' }] });
    expect((await get(`/instructors/${inst.id}`)).json()).toMatchObject({ rating: 2, reviewCount: 1 });
  });

  it('publishes a lone review when the window closes, and only then counts it', async () => {
    const { inst, student, id } = await lesson({ daysAgo: 1 });
    await review(id, student.token, { rating: 4 });
    expect((await get(`/instructors/${inst.id}/reviews`)).json().total).toBe(0);
    clock.advance(14 * DAY);
    try {
      expect((await get(`/instructors/${inst.id}/reviews`)).json().total).toBe(1);
      expect((await get(`/instructors/${inst.id}`)).json()).toMatchObject({ rating: 4, reviewCount: 1 });
    } finally {
      clock.set(NOW);
    }
  });
});

describe('replies and moderation', () => {
  it('lets the instructor reply once to a published review; nobody else', async () => {
    const { inst, student, id } = await lesson();
    const rid = (await review(id, student.token)).json().id as string;
    // Still blind: the instructor cannot tell it exists.
    expect((await post(`/reviews/${rid}/reply`, inst.token, { text: 'Thanks!' })).statusCode).toBe(404);
    await feedback(id, inst.token);
    expect((await post(`/reviews/${rid}/reply`, undefined, { text: 'x' })).statusCode).toBe(401);
    expect((await post(`/reviews/${rid}/reply`, student.token, { text: 'x' })).statusCode).toBe(404);
    expect((await post(`/reviews/${rid}/reply`, admin.token, { text: 'x' })).statusCode).toBe(403);
    expect((await post(`/reviews/${rid}/reply`, inst.token, { text: '' })).statusCode).toBe(400);
    const ok = await post(`/reviews/${rid}/reply`, inst.token, { text: 'Thanks, Riley!' });
    expect([ok.statusCode, ok.json().reply?.text]).toEqual([200, 'Thanks, Riley!']);
    expect((await post(`/reviews/${rid}/reply`, inst.token, { text: 'Again' })).statusCode).toBe(409);
    expect((await get(`/instructors/${inst.id}/reviews`)).json().items[0].reply.text).toBe('Thanks, Riley!');
  });

  it('lets only a moderator hide a review, with a reason; it stops showing and counting', async () => {
    const { inst, student, id } = await lesson();
    const rid = (await review(id, student.token, { rating: 1, text: 'Call me on 555' })).json().id as string;
    await feedback(id, inst.token);
    const hide = (token: string | undefined, body: unknown = { reason: 'Contains a phone number' }) =>
      post(`/admin/moderation/reviews/${rid}/hide`, token, body);
    expect((await hide(undefined)).statusCode).toBe(401);
    expect((await hide(student.token)).statusCode).toBe(403);
    expect((await hide(inst.token)).statusCode).toBe(403);
    expect((await hide(admin.token, {})).statusCode).toBe(400);
    expect(
      (await post(`/admin/moderation/reviews/${randomUUID()}/hide`, admin.token, { reason: 'x' })).statusCode,
    ).toBe(404);
    const ok = await hide(admin.token);
    expect(ok.json()).toMatchObject({ published: false, hidden: { reason: 'Contains a phone number' } });
    expect((await hide(admin.token)).statusCode).toBe(409);
    expect((await get(`/instructors/${inst.id}/reviews`)).json().total).toBe(0);
    expect((await get(`/instructors/${inst.id}`)).json()).toMatchObject({ rating: null, reviewCount: 0 });
  });
});

describe('listing and anonymity', () => {
  it('lists published reviews newest first, paginated, and 404 for a non-instructor', async () => {
    const inst = await createInstructor(t, { services: [{ slug: 'piano' }] });
    for (const [i, stars] of [5, 4, 3].entries()) {
      const l = await lesson({ inst, daysAgo: 3 - i });
      await review(l.id, l.student.token, { rating: stars });
      await feedback(l.id, inst.token);
      clock.advance(60_000);
    }
    const p1 = (await get(`/instructors/${inst.id}/reviews?perPage=2`)).json();
    expect([p1.total, p1.items.map((r: { rating: number }) => r.rating)]).toEqual([3, [3, 4]]);
    expect((await get(`/instructors/${inst.id}/reviews?perPage=2&page=2`)).json().items).toHaveLength(1);
    expect((await get(`/instructors/${inst.id}`)).json()).toMatchObject({ rating: 4, reviewCount: 3 });
    expect((await get(`/instructors/${admin.id}/reviews`)).statusCode).toBe(404);
    expect((await get(`/instructors/nope/reviews`)).statusCode).toBe(404);
    expect((await get(`/instructors/${inst.id}/reviews?sort=x`)).statusCode).toBe(400);
    clock.set(NOW);
  });

  it('keeps a review when the reviewer’s account is deleted, anonymised', async () => {
    const { inst, student, id } = await lesson();
    await review(id, student.token, { rating: 5, text: 'Wonderful' });
    await feedback(id, inst.token);
    await t.deps.db.update(reviews).set({ reviewerId: null }).where(eq(reviews.bookingId, id));
    // The foreign key itself sets the reviewer to null when the account row goes.
    const [fk] = await t.deps.database.query<{ rule: string }>(
      `SELECT delete_rule AS rule FROM information_schema.referential_constraints WHERE constraint_name = 'reviews_reviewer_id_users_id_fk'`,
    );
    expect(fk?.rule).toBe('SET NULL');
    expect((await get(`/instructors/${inst.id}/reviews`)).json().items[0]).toMatchObject({
      reviewerName: 'Former student',
      text: 'Wonderful',
    });
  });
});
