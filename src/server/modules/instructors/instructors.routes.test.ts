import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import { createInstructor, insertLessonRow } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

const clock = new ManualClock(new Date('2026-11-24T15:00:00Z'));
let t: TestApp;
let admin: { token: string; id: string };
beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

const req = (
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  token?: string,
  payload?: object,
) => t.request({ method, url: `/api/v1${url}`, token, payload });
const offering = {
  serviceSlug: 'guitar',
  hourlyRateCents: 7000,
  durations: [60, 30],
  levels: ['beginner'],
  ageGroups: ['adults'],
  locationTypes: ['online'],
};

describe('instructor profile', () => {
  it('an instructor edits their profile; bad zone, unknown area, 61-minute buffer and unknown fields are 400', async () => {
    const i = await createInstructor(t);
    const ok = await req('PUT', '/instructors/me', i.token, {
      bio: 'Jazz first.',
      areas: ['queens', 'brooklyn'],
      bufferMinutes: 15,
      timezone: 'America/Chicago',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ bio: 'Jazz first.', bufferMinutes: 15, timezone: 'America/Chicago' });
    expect(
      ok
        .json()
        .areas.map((a: { boroughSlug: string }) => a.boroughSlug)
        .sort(),
    ).toEqual(['brooklyn', 'queens']);
    for (const bad of [
      { timezone: 'Mars/Base' },
      { areas: ['atlantis'] },
      { bufferMinutes: 61 },
      { rating: 5 },
      { userId: admin.id },
    ]) {
      expect((await req('PUT', '/instructors/me', i.token, bad)).statusCode, JSON.stringify(bad)).toBe(400);
    }
  });

  it('a student may not edit an instructor profile but can become an instructor', async () => {
    const s = await t.user();
    expect((await req('GET', '/instructors/me', s.token)).statusCode).toBe(403);
    expect((await req('PUT', '/instructors/me', undefined, {})).statusCode).toBe(401);
    const become = await req('POST', '/instructors/me/become', s.token);
    expect(become.statusCode).toBe(200);
    expect((await req('GET', '/instructors/me', s.token)).statusCode).toBe(200);
    const me = await req('GET', '/auth/me', s.token);
    expect(me.json().user.roles).toEqual(['instructor', 'student']);
  });

  it('the public profile shows a public name and active offerings; suspended instructors are hidden except to themselves and admins', async () => {
    const i = await createInstructor(t, {
      fullName: 'Ada Lovelace Byron',
      services: [{ slug: 'piano', hourlyRateCents: 6500 }],
    });
    const anon = await req('GET', `/instructors/${i.id}`);
    expect(anon.json()).toMatchObject({
      id: i.id,
      name: 'Ada B.',
      rating: null,
      reviewCount: 0,
      services: [{ service: { slug: 'piano' }, hourlyRateCents: 6500 }],
    });
    await t.services.accountStatus.change(i.id, 'suspended', admin.id);
    expect((await req('GET', `/instructors/${i.id}`)).statusCode).toBe(404);
    const other = await t.user();
    expect((await req('GET', `/instructors/${i.id}`, other.token)).statusCode).toBe(404);
    expect((await req('GET', `/instructors/${i.id}`, i.token)).statusCode).toBe(200);
    expect((await req('GET', `/instructors/${i.id}`, admin.token)).statusCode).toBe(200);
    expect((await req('GET', '/instructors/not-a-uuid')).statusCode).toBe(404);
    expect((await req('GET', `/instructors/${other.id}`)).statusCode).toBe(404);
  });
});

describe('offerings', () => {
  it('adds, edits and removes an offering; the catalog counts follow', async () => {
    const i = await createInstructor(t, { services: [] });
    const count = async () =>
      (await req('GET', '/catalog/all'))
        .json()
        .categories.flatMap((c: { services: unknown[] }) => c.services)
        .find((s: { slug: string }) => s.slug === 'guitar').instructorCount;
    const before = await count();
    const add = await req('POST', '/instructors/me/services', i.token, offering);
    expect(add.statusCode).toBe(201);
    expect(add.json()).toMatchObject({
      service: { slug: 'guitar' },
      hourlyRateCents: 7000,
      durations: [30, 60],
      active: true,
    });
    expect(await count()).toBe(before + 1);
    const id = add.json().instructorServiceId;
    expect((await req('POST', '/instructors/me/services', i.token, offering)).json().error.code).toBe(
      'ALREADY_OFFERED',
    );
    const patch = await req('PATCH', `/instructors/me/services/${id}`, i.token, { hourlyRateCents: 7500 });
    expect(patch.json().hourlyRateCents).toBe(7500);
    const del = await req('DELETE', `/instructors/me/services/${id}`, i.token);
    expect(del.json()).toEqual({ deleted: true, deactivated: false });
    expect(await count()).toBe(before);
  });

  it('refuses free-text services, online teaching of an offline service and out-of-range values', async () => {
    const i = await createInstructor(t, { services: [] });
    expect(
      (
        await req('POST', '/instructors/me/services', i.token, {
          ...offering,
          serviceSlug: 'underwater-basket',
        })
      ).json().error.code,
    ).toBe('UNKNOWN_SERVICE');
    const { db } = t.deps;
    const { services } = await import('../../db/schema/index.js');
    const { eq } = await import('drizzle-orm');
    await db.update(services).set({ onlineCapable: false }).where(eq(services.slug, 'swimming'));
    await t.services.catalog.invalidate();
    expect(
      (
        await req('POST', '/instructors/me/services', i.token, { ...offering, serviceSlug: 'swimming' })
      ).json().error.code,
    ).toBe('ONLINE_NOT_SUPPORTED');
    for (const bad of [
      { hourlyRateCents: 0 },
      { durations: [20] },
      { durations: [300] },
      { levels: [] },
      { locationTypes: ['moon'] },
      { name: 'Custom' },
    ]) {
      expect(
        (await req('POST', '/instructors/me/services', i.token, { ...offering, ...bad })).statusCode,
        JSON.stringify(bad),
      ).toBe(400);
    }
  });

  it('an offering with bookings is retired, not deleted; re-adding brings it back', async () => {
    const i = await createInstructor(t, { services: [{ slug: 'violin' }] });
    const s = await t.user();
    const o = i.offerings[0]!;
    await insertLessonRow(t, {
      instructor: i,
      studentId: s.id,
      startsAt: '2026-11-01T15:00:00Z',
      status: 'completed',
    });
    expect((await req('DELETE', `/instructors/me/services/${o.id}`, i.token)).json()).toEqual({
      deleted: false,
      deactivated: true,
    });
    const again = await req('POST', '/instructors/me/services', i.token, {
      ...offering,
      serviceSlug: 'violin',
    });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ instructorServiceId: o.id, active: true });
  });

  it('offering ids: owner 200, other instructor 404, student 403, anonymous 401, admin 404 (acts on their own)', async () => {
    const i = await createInstructor(t);
    const id = i.offerings[0]!.id;
    const other = await createInstructor(t);
    const student = await t.user();
    const patch = (token?: string) =>
      req('PATCH', `/instructors/me/services/${id}`, token, { hourlyRateCents: 9000 });
    expect((await patch(i.token)).statusCode).toBe(200);
    expect((await patch(other.token)).statusCode).toBe(404);
    expect((await patch(student.token)).statusCode).toBe(403);
    expect((await patch()).statusCode).toBe(401);
    expect((await patch(admin.token)).statusCode).toBe(404);
    expect((await req('DELETE', `/instructors/me/services/${id}`, other.token)).statusCode).toBe(404);
    expect(
      (await req('PATCH', '/instructors/me/services/garbage', i.token, { hourlyRateCents: 9000 })).statusCode,
    ).toBe(404);
  });
});

describe('instructor list', () => {
  it('filters by service (slug or id), category, inclusive price, borough (neighbourhoods too) and format', async () => {
    const a = await createInstructor(t, {
      services: [{ slug: 'cello', hourlyRateCents: 4000, locationTypes: ['online'] }],
      areas: [{ borough: 'queens', neighborhood: 'astoria' }],
    });
    const b = await createInstructor(t, {
      services: [{ slug: 'cello', hourlyRateCents: 9000, locationTypes: ['instructor_place'] }],
      areas: [{ borough: 'manhattan' }],
    });
    const ids = async (q: string) =>
      (await req('GET', `/instructors?${q}`)).json().items.map((x: { id: string }) => x.id);
    expect(await ids('service=cello')).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids(`service=${a.offerings[0]!.serviceId}`)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(await ids('service=cello&maxPriceCents=4000')).toContain(a.id);
    expect(await ids('service=cello&maxPriceCents=3999')).not.toContain(a.id);
    expect(await ids('service=cello&minPriceCents=9000')).toEqual([b.id]);
    expect(await ids('service=cello&borough=queens')).toEqual([a.id]);
    expect(await ids('service=cello&format=online')).toEqual([a.id]);
    expect(await ids('service=cello&format=in_person')).toEqual([b.id]);
    expect(await ids('category=music&service=cello')).toHaveLength(2);
    expect(await ids('service=nothing-like-this')).toEqual([]);
    const page = (await req('GET', '/instructors?service=cello&perPage=1000')).json();
    expect(page.perPage).toBe(100);
    expect(page.items[0]).toMatchObject({
      name: expect.stringMatching(/\.$/),
      rating: null,
      services: [{ service: { slug: 'cello' } }],
    });
  });
});

describe('own account status', () => {
  it('cannot leave with future lessons (409 with the count) but may pause; can leave once they are gone', async () => {
    const i = await createInstructor(t);
    const s = await t.user();
    const lessonId = await insertLessonRow(t, {
      instructor: i,
      studentId: s.id,
      startsAt: '2026-12-01T15:00:00Z',
    });
    const res = await req('POST', '/instructors/me/status', i.token, { action: 'deactivate' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'FUTURE_BOOKINGS', details: { count: 1 } });
    expect((await req('POST', '/instructors/me/status', i.token, { action: 'suspend' })).json()).toEqual({
      accountStatus: 'suspended',
    });
    expect((await req('POST', '/instructors/me/status', i.token, { action: 'reactivate' })).json()).toEqual({
      accountStatus: 'active',
    });
    const { eq } = await import('drizzle-orm');
    await t.deps.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, lessonId));
    expect((await req('POST', '/instructors/me/status', s.token, { action: 'suspend' })).statusCode).toBe(
      403,
    );
    expect((await req('POST', '/instructors/me/status', i.token, { action: 'delete' })).statusCode).toBe(400);
    expect((await req('POST', '/instructors/me/status', i.token, { action: 'deactivate' })).json()).toEqual({
      accountStatus: 'deactivated',
    });
  });
});
