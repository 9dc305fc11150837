import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyExport } from '../../../contracts/privacy.js';
import { ManualClock } from '../../platform/clock.js';
import { createInstructor, insertLessonRow, type InstructorFixture } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { conversationBetween, send } from '../messaging/messaging.test-helpers.js';

// Two people who share lessons, a conversation and a review, each with their own searches and a
// lesson with a third person: each export must hold exactly that person's side of it.
const clock = new ManualClock(new Date('2026-06-15T16:00:00Z'));
let t: TestApp;
let teacher: InstructorFixture;
let ann: InstructorFixture;
let bob: { token: string; id: string; email: string };
const ids: Record<string, string> = {};

const exportOf = (token: string) => t.request({ method: 'GET', url: '/api/v1/privacy/export', token });
const search = async (token: string, q: string) => {
  await t.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}`, token });
  await t.services.searchRecorder.flush();
};
const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeAll(async () => {
  t = await createTestApp({ clock });
  teacher = await createInstructor(t, { fullName: 'Tara Third' });
  ann = await createInstructor(t, { fullName: 'Ann Able', services: [{ slug: 'piano' }] });
  bob = await t.user({ fullName: 'Bob Baker' });
  await search(ann.token, 'chess for ann');
  await search(bob.token, 'violin for bob');
  ids.annWithTeacher = await insertLessonRow(t, {
    instructor: teacher,
    studentId: ann.id,
    startsAt: '2026-06-01T14:00:00Z',
    status: 'completed',
  });
  ids.bobWithTeacher = await insertLessonRow(t, {
    instructor: teacher,
    studentId: bob.id,
    startsAt: '2026-06-02T14:00:00Z',
    status: 'completed',
  });
  ids.bobWithAnnPast = await insertLessonRow(t, {
    instructor: ann,
    studentId: bob.id,
    startsAt: '2026-06-10T14:00:00Z',
    status: 'completed',
  });
  ids.bobWithAnnNext = await insertLessonRow(t, {
    instructor: ann,
    studentId: bob.id,
    startsAt: '2026-06-20T14:00:00Z',
  });
  const review = await t.request({
    method: 'POST',
    url: `/api/v1/bookings/${ids.bobWithAnnPast}/review`,
    token: bob.token,
    payload: { rating: 5, text: 'Ann is wonderful' },
  });
  expect(review.statusCode).toBe(201);
  ids.review = review.json().id;
  // Ann's feedback publishes the review to her at once (both sides wrote).
  await t.request({
    method: 'POST',
    url: `/api/v1/bookings/${ids.bobWithAnnPast}/student-feedback`,
    token: ann.token,
    payload: { rating: 4 },
  });
  ids.conversation = await conversationBetween(t, bob.token, ann.id);
  ids.bobSaid = (await send(t, bob.token, ids.conversation, 'hello from bob')).json().id;
  ids.annSaid = (await send(t, ann.token, ids.conversation, 'hi back from ann')).json().id;
  const other = await conversationBetween(t, bob.token, teacher.id);
  await send(t, bob.token, other, 'a note only for tara');
});
afterAll(() => t.close());

describe('the streamed export', () => {
  it('holds exactly Ann’s rows, in the contract’s shape', async () => {
    const res = await exportOf(ann.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const data = privacyExport.parse(res.json());
    expect(data.profile).toMatchObject({ id: ann.id, email: ann.email, full_name: 'Ann Able' });
    expect(data.roles).toEqual(['instructor', 'student']);
    expect(data.instructorProfile).toMatchObject({ user_id: ann.id });
    expect(data.instructorServices.map((s) => s.instructor_id)).toEqual([ann.id]);
    expect(idsOf(data.bookingsAsStudent as { id: string }[])).toEqual([ids.annWithTeacher]);
    expect(idsOf(data.bookingsAsInstructor as { id: string }[])).toEqual([
      ids.bobWithAnnPast,
      ids.bobWithAnnNext,
    ]);
    expect(data.reviewsWritten).toEqual([]);
    expect(data.reviewsReceived).toMatchObject([{ id: ids.review, text: 'Ann is wonderful' }]);
    expect(data.searchHistory.map((r) => r.query)).toEqual(['chess for ann']);
    expect(data.searchEvents.map((r) => r.query)).toEqual(['chess for ann']);
    expect(idsOf(data.conversations as { id: string }[])).toEqual([ids.conversation]);
    expect(data.messages.map((m) => [m.id, m.fromMe, m.body])).toEqual([
      [ids.bobSaid, false, 'hello from bob'],
      [ids.annSaid, true, 'hi back from ann'],
    ]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    // Nothing of Bob's own or of the third person's.
    for (const foreign of [
      bob.email,
      teacher.email,
      'violin for bob',
      'a note only for tara',
      ids.bobWithTeacher!,
    ])
      expect([foreign, res.body.includes(foreign)]).toEqual([foreign, false]);
  });

  it('holds exactly Bob’s rows: his lessons, his review, his messages, never Ann’s searches', async () => {
    const res = await exportOf(bob.token);
    const data = privacyExport.parse(res.json());
    expect(data.profile).toMatchObject({ id: bob.id, full_name: 'Bob Baker' });
    expect(data.roles).toEqual(['student']);
    expect(data.instructorProfile).toBeNull();
    expect(data.instructorServices).toEqual([]);
    expect(idsOf(data.bookingsAsStudent as { id: string }[])).toEqual([
      ids.bobWithTeacher,
      ids.bobWithAnnPast,
      ids.bobWithAnnNext,
    ]);
    expect(data.bookingsAsInstructor).toEqual([]);
    expect(data.reviewsWritten).toMatchObject([{ id: ids.review, rating: 5, text: 'Ann is wonderful' }]);
    expect(data.reviewsReceived).toEqual([]);
    expect(data.searchEvents.map((r) => r.query)).toEqual(['violin for bob']);
    expect(data.conversations).toHaveLength(2);
    expect(data.messages.map((m) => m.body)).toEqual([
      'hello from bob',
      'hi back from ann',
      'a note only for tara',
    ]);
    expect(res.body).not.toContain('chess for ann');
    expect(res.body).not.toContain(ann.email);
    expect(res.body).not.toContain(ids.annWithTeacher!);
    expect(res.body).not.toContain('password_hash');
    expect(res.body).not.toContain('token_hash');
    expect(res.body).not.toContain('ip_hash');
  });
});
