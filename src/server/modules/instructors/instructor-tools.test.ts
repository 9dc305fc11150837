import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookings, instructorProfiles, instructorServices } from '../../db/schema/index.js';
import { addAvailability, createInstructor, insertLessonRow, localDate } from '../../testing/fixtures.js';
import { TEST_PASSWORD } from '../../testing/test-app.js';
import { searchOk, useSearchTestApp } from '../search/search.test-helpers.js';

// Issue 13 item 5: booking settings, languages, per-service texts, and the instructor's own pause,
// deactivate and reactivate.
const app = useSearchTestApp({ demo: false });

const req = (method: 'GET' | 'PUT' | 'POST' | 'PATCH', url: string, token?: string, payload?: object) =>
  app.t.request({ method, url: `/api/v1${url}`, token, payload });

const settingsOf = async (id: string) => {
  const [p] = await app.t.deps.db
    .select({
      minAdvanceHours: instructorProfiles.minAdvanceHours,
      bufferMinutes: instructorProfiles.bufferMinutes,
      maxDaysAhead: instructorProfiles.maxDaysAhead,
      languages: instructorProfiles.languages,
      bio: instructorProfiles.bio,
    })
    .from(instructorProfiles)
    .where(eq(instructorProfiles.userId, id));
  return p!;
};

describe('booking settings and languages', () => {
  it('the owner saves notice, buffer, days ahead and languages; languages come back with their names', async () => {
    const i = await createInstructor(app.t);
    const res = await req('PUT', '/instructors/me', i.token, {
      minAdvanceHours: 24,
      bufferMinutes: 15,
      maxDaysAhead: 30,
      languages: ['es', 'en'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      minAdvanceHours: 24,
      bufferMinutes: 15,
      maxDaysAhead: 30,
      languages: [
        { code: 'es', name: 'Spanish' },
        { code: 'en', name: 'English' },
      ],
    });
    const pub = await req('GET', `/instructors/${i.id}`);
    expect(pub.json().languages).toEqual([
      { code: 'es', name: 'Spanish' },
      { code: 'en', name: 'English' },
    ]);
    // The public profile never shows the settings themselves.
    expect(pub.json()).not.toHaveProperty('bufferMinutes');
  });

  it('out-of-range settings and unknown languages are refused with the field named, and nothing of the request is stored', async () => {
    const i = await createInstructor(app.t, { bufferMinutes: 10, minAdvanceHours: 2, maxDaysAhead: 90 });
    const before = await settingsOf(i.id);
    for (const bad of [
      { minAdvanceHours: -1 },
      { minAdvanceHours: 721 },
      { minAdvanceHours: 1.5 },
      { bufferMinutes: 65 },
      { bufferMinutes: 7 },
      { maxDaysAhead: 0 },
      { maxDaysAhead: 366 },
      { maxDaysAhead: '30' },
      { languages: ['xx'] },
      { languages: ['en', 'en'] },
      { languages: ['en', 'es', 'fr', 'de', 'it', 'pt', 'ru', 'zh', 'ja'] },
    ]) {
      // A valid field travels with the bad one: it must not be stored either.
      const res = await req('PUT', '/instructors/me', i.token, { bio: 'Changed', ...bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_ERROR');
      expect(res.json().error.message).toContain(Object.keys(bad)[0]);
    }
    expect(await settingsOf(i.id)).toEqual(before);
  });

  it('PUT /instructors/me: anonymous 401, a student 403, another instructor changes only their own profile', async () => {
    const i = await createInstructor(app.t);
    const other = await createInstructor(app.t);
    const student = await app.t.user();
    const before = await settingsOf(i.id);
    expect((await req('PUT', '/instructors/me', undefined, { bufferMinutes: 30 })).statusCode).toBe(401);
    expect((await req('PUT', '/instructors/me', student.token, { bufferMinutes: 30 })).statusCode).toBe(403);
    const o = await req('PUT', '/instructors/me', other.token, { bufferMinutes: 30, languages: ['fr'] });
    expect(o.json()).toMatchObject({ id: other.id, bufferMinutes: 30 });
    expect(await settingsOf(i.id)).toEqual(before);
  });
});

describe('per-service description and first lesson', () => {
  const longText = 'a'.repeat(1001);

  it('are saved, shown on the public profile, and refused over 1,000 characters or with control characters', async () => {
    const i = await createInstructor(app.t, { services: [{ slug: 'piano' }] });
    const id = i.offerings[0]!.id;
    const ok = await req('PATCH', `/instructors/me/services/${id}`, i.token, {
      description: 'Classical and jazz.\nAll ages.',
      firstLesson: 'We play through a piece you like and set goals.',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      description: 'Classical and jazz.\nAll ages.',
      firstLesson: 'We play through a piece you like and set goals.',
    });
    const pub = await req('GET', `/instructors/${i.id}`);
    expect(pub.json().services[0]).toMatchObject({
      description: 'Classical and jazz.\nAll ages.',
      firstLesson: 'We play through a piece you like and set goals.',
    });
    for (const bad of [
      { description: longText },
      { firstLesson: longText },
      { firstLesson: 'Bell\u0007' },
      { description: 'Nul\u0000' },
    ]) {
      const res = await req('PATCH', `/instructors/me/services/${id}`, i.token, bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 40)).toBe(400);
    }
    const [row] = await app.t.deps.db
      .select({ firstLesson: instructorServices.firstLesson })
      .from(instructorServices)
      .where(eq(instructorServices.id, id));
    expect(row!.firstLesson).toBe('We play through a piece you like and set goals.');
  });

  it('a new offering takes its first-lesson text; another instructor, a student, anonymous and an admin cannot change it', async () => {
    const i = await createInstructor(app.t, { services: [] });
    const add = await req('POST', '/instructors/me/services', i.token, {
      serviceSlug: 'guitar',
      hourlyRateCents: 6000,
      durations: [60],
      levels: ['beginner'],
      ageGroups: ['adults'],
      locationTypes: ['online'],
      firstLesson: 'Tuning, posture, first chords.',
    });
    expect(add.statusCode).toBe(201);
    expect(add.json().firstLesson).toBe('Tuning, posture, first chords.');
    const id = add.json().instructorServiceId;
    const other = await createInstructor(app.t);
    const student = await app.t.user();
    const admin = await app.t.user({ roles: ['admin'] });
    const patch = (token?: string) =>
      req('PATCH', `/instructors/me/services/${id}`, token, { firstLesson: 'Hijacked' });
    expect((await patch(other.token)).statusCode).toBe(404);
    expect((await patch(student.token)).statusCode).toBe(403);
    expect((await patch()).statusCode).toBe(401);
    expect((await patch(admin.token)).statusCode).toBe(404);
    expect((await req('GET', `/instructors/${i.id}`)).json().services[0].firstLesson).toBe(
      'Tuning, posture, first chords.',
    );
  });

  it('the privacy export holds the languages and the first-lesson text; erasure clears them', async () => {
    const i = await createInstructor(app.t, { services: [{ slug: 'violin' }] });
    await req('PUT', '/instructors/me', i.token, { languages: ['ht'] });
    await req('PATCH', `/instructors/me/services/${i.offerings[0]!.id}`, i.token, {
      firstLesson: 'Bow hold and open strings, export-marker-7Q.',
    });
    const res = await req('GET', '/privacy/export', i.token);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(JSON.stringify(body.instructorProfile)).toContain('"ht"');
    expect(JSON.stringify(body.instructorServices)).toContain('export-marker-7Q');
    const del = await req('POST', '/privacy/delete', i.token, { password: TEST_PASSWORD });
    expect(del.statusCode).toBe(200);
    expect((await settingsOf(i.id)).languages).toEqual([]);
    const [row] = await app.t.deps.db
      .select({ firstLesson: instructorServices.firstLesson })
      .from(instructorServices)
      .where(eq(instructorServices.id, i.offerings[0]!.id));
    expect(row!.firstLesson).toBe('');
  });
});

describe('own pause, deactivate and reactivate', () => {
  const status = (token: string | undefined, action: string) =>
    req('POST', '/instructors/me/status', token, { action });

  it('pause keeps upcoming lessons and hides the profile from search; reactivation brings it back at once', async () => {
    const { clock } = app;
    const i = await createInstructor(app.t, { services: [{ slug: 'flute', hourlyRateCents: 5000 }] });
    await addAvailability(app.t, i.id, [localDate(clock.now(), 1)], ['09:00-12:00']);
    const s = await app.t.user();
    const lessonId = await insertLessonRow(app.t, {
      instructor: i,
      studentId: s.id,
      startsAt: '2026-12-01T15:00:00Z',
    });
    const found = async () =>
      (await searchOk<{ results: { instructor: { id: string } }[] }>(app.t, 'flute tomorrow')).results.some(
        (r) => r.instructor.id === i.id,
      );
    expect(await found()).toBe(true);
    expect(await found()).toBe(true); // now served from the cached lists

    const paused = await status(i.token, 'suspend');
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toEqual({ accountStatus: 'suspended' });
    expect(await found()).toBe(false);
    expect((await req('GET', `/instructors/${i.id}`)).statusCode).toBe(404);
    const [lesson] = await app.t.deps.db
      .select({ status: bookings.status })
      .from(bookings)
      .where(eq(bookings.id, lessonId));
    expect(lesson!.status).toBe('confirmed');
    // The paused instructor still signs in and sees their own profile to reactivate it.
    expect((await req('GET', '/instructors/me', i.token)).json().accountStatus).toBe('suspended');

    expect((await status(i.token, 'reactivate')).json()).toEqual({ accountStatus: 'active' });
    expect(await found()).toBe(true);
    expect((await req('GET', `/instructors/${i.id}`)).statusCode).toBe(200);
  });

  it('deactivation with upcoming lessons is 409 naming how many and offering pause; nothing changes', async () => {
    const i = await createInstructor(app.t);
    const s = await app.t.user();
    for (const startsAt of ['2026-12-01T15:00:00Z', '2026-12-02T15:00:00Z']) {
      await insertLessonRow(app.t, { instructor: i, studentId: s.id, startsAt });
    }
    const res = await status(i.token, 'deactivate');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'FUTURE_BOOKINGS',
      details: { count: 2, alternative: 'suspend' },
    });
    expect(res.json().error.message).toMatch(/2 upcoming lessons.*pause/);
    expect((await req('GET', '/instructors/me', i.token)).json().accountStatus).toBe('active');
    const upcoming = await app.t.deps.db
      .select({ status: bookings.status })
      .from(bookings)
      .where(eq(bookings.instructorId, i.id));
    expect(upcoming.map((b) => b.status)).toEqual(['confirmed', 'confirmed']);
  });

  it('without upcoming lessons an instructor deactivates; anonymous 401, a student 403, others and admins act only on themselves', async () => {
    const i = await createInstructor(app.t);
    const other = await createInstructor(app.t);
    const student = await app.t.user();
    const admin = await app.t.user({ roles: ['admin'] });
    expect((await status(undefined, 'suspend')).statusCode).toBe(401);
    expect((await status(student.token, 'suspend')).statusCode).toBe(403);
    expect((await status(other.token, 'suspend')).json()).toEqual({ accountStatus: 'suspended' });
    expect((await status(admin.token, 'reactivate')).json()).toEqual({ accountStatus: 'active' });
    expect((await req('GET', '/instructors/me', i.token)).json().accountStatus).toBe('active');
    expect((await status(i.token, 'pause')).statusCode).toBe(400);
    expect((await status(i.token, 'deactivate')).json()).toEqual({ accountStatus: 'deactivated' });
    // A deactivated account's sessions end.
    expect((await req('GET', '/instructors/me', i.token)).statusCode).toBe(401);
  });

  it('a pause an admin set cannot be lifted by the instructor', async () => {
    const i = await createInstructor(app.t);
    const admin = await app.t.user({ roles: ['admin'] });
    await app.t.services.accountStatus.change(i.id, 'suspended', admin.id, 'Checks pending');
    const res = await status(i.token, 'reactivate');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('STATUS_SET_BY_ADMIN');
  });
});
