import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { createInstructor } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { TEST_PASSWORD, createTestApp } from '../../testing/test-app.js';
import { SavedInstructorsService } from './saved-instructors.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const url = (id?: string) => `/api/v1/me/saved-instructors${id ? `/${id}` : ''}`;
const save = (id: string, token?: string) => t.request({ method: 'PUT', url: url(id), token });
const unsave = (id: string, token?: string) => t.request({ method: 'DELETE', url: url(id), token });
const list = (token?: string) => t.request({ method: 'GET', url: url(), token });
const ids = (token?: string) => t.request({ method: 'GET', url: '/api/v1/me/saved-instructor-ids', token });
const rowsFor = (userId: string) =>
  rowsOf<{ instructor_id: string }>(
    t.deps.db,
    sql`SELECT instructor_id FROM saved_instructors WHERE user_id = ${userId}`,
  );

describe('saved instructors', () => {
  it('a student saves an instructor and finds them in the list with what a card shows', async () => {
    const ina = await createInstructor(t, {
      fullName: 'Ada Lovelace',
      services: [
        { slug: 'piano', hourlyRateCents: 7000 },
        { slug: 'guitar', hourlyRateCents: 5000 },
      ],
    });
    const s = await t.user();
    const res = await save(ina.id, s.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ instructorId: ina.id, saved: true });
    const l = await list(s.token);
    expect(l.statusCode).toBe(200);
    expect(l.headers['cache-control']).toContain('private');
    const [card] = l.json().items;
    expect(card).toMatchObject({
      id: ina.id,
      name: 'Ada L.',
      photoUrl: null,
      rating: null,
      reviewCount: 0,
      minRateCents: 5000,
      profilePath: `/instructors/${ina.id}`,
    });
    expect(card.services.map((o: { service: { slug: string } }) => o.service.slug)).toEqual([
      'guitar',
      'piano',
    ]);
    expect((await ids(s.token)).json()).toEqual({ ids: [ina.id] });
  });

  it('saving twice and unsaving twice both succeed and leave the expected state', async () => {
    const ina = await createInstructor(t);
    const s = await t.user();
    expect((await save(ina.id, s.token)).statusCode).toBe(200);
    expect((await save(ina.id, s.token)).statusCode).toBe(200);
    expect(await rowsFor(s.id)).toHaveLength(1);
    expect((await unsave(ina.id, s.token)).json()).toEqual({ instructorId: ina.id, saved: false });
    expect((await unsave(ina.id, s.token)).statusCode).toBe(200);
    expect(await rowsFor(s.id)).toHaveLength(0);
    expect((await list(s.token)).json().items).toEqual([]);
  });

  it('the same save sent 5 times at once all succeed and leave one row', async () => {
    const ina = await createInstructor(t);
    const s = await t.user();
    const all = await Promise.all(Array.from({ length: 5 }, () => save(ina.id, s.token)));
    expect(all.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(await rowsFor(s.id)).toHaveLength(1);
  });

  it('refuses a missing, non-instructor, inactive or own id and changes nothing', async () => {
    const student = await t.user();
    const other = await t.user();
    const ina = await createInstructor(t);
    await t.deps.db.execute(sql`UPDATE users SET account_status = 'suspended' WHERE id = ${ina.id}`);
    expect((await save('00000000-0000-4000-8000-000000000000', student.token)).statusCode).toBe(404);
    expect((await save('not-a-uuid', student.token)).statusCode).toBe(404);
    expect((await save(other.id, student.token)).statusCode).toBe(404);
    expect((await save(ina.id, student.token)).statusCode).toBe(404);
    const own = await createInstructor(t);
    const self = await save(own.id, own.token);
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('CANNOT_SAVE_SELF');
    expect(await rowsFor(student.id)).toHaveLength(0);
    expect(await rowsFor(own.id)).toHaveLength(0);
  });

  it('rejects unknown query parameters', async () => {
    const s = await t.user();
    expect((await t.request({ method: 'GET', url: `${url()}?userId=x`, token: s.token })).statusCode).toBe(
      400,
    );
  });

  it('anonymous callers get 401 on every route', async () => {
    const ina = await createInstructor(t);
    for (const res of [await list(), await ids(), await save(ina.id), await unsave(ina.id)])
      expect(res.statusCode).toBe(401);
  });

  it('another person neither sees nor changes my list', async () => {
    const ina = await createInstructor(t);
    const me = await t.user();
    const other = await t.user();
    await save(ina.id, me.token);
    expect((await list(other.token)).json().items).toEqual([]);
    expect((await ids(other.token)).json().ids).toEqual([]);
    // Their unsave acts on their own (empty) list only.
    expect((await unsave(ina.id, other.token)).statusCode).toBe(200);
    expect(await rowsFor(me.id)).toHaveLength(1);
  });

  it('an admin keeps a list of their own and does not see a student’s', async () => {
    const ina = await createInstructor(t);
    const student = await t.user();
    const admin = await t.user({ roles: ['admin'] });
    await save(ina.id, student.token);
    expect((await list(admin.token)).json().items).toEqual([]);
    expect((await save(ina.id, admin.token)).statusCode).toBe(200);
    expect((await ids(admin.token)).json().ids).toEqual([ina.id]);
    expect(await rowsFor(student.id)).toHaveLength(1);
  });

  it('a suspended instructor drops out of the list and comes back when reactivated', async () => {
    const ina = await createInstructor(t);
    const s = await t.user();
    await save(ina.id, s.token);
    await t.deps.db.execute(sql`UPDATE users SET account_status = 'suspended' WHERE id = ${ina.id}`);
    expect((await list(s.token)).json().items).toEqual([]);
    expect((await ids(s.token)).json().ids).toEqual([]);
    await t.deps.db.execute(sql`UPDATE users SET account_status = 'active' WHERE id = ${ina.id}`);
    expect((await ids(s.token)).json().ids).toEqual([ina.id]);
  });

  it('the list is capped: one more than the cap is refused with a clear error, a repeat still succeeds', async () => {
    const capped = new SavedInstructorsService(t.deps, t.services.instructors, 2);
    const s = await t.user();
    const auth = { user: { id: s.id } } as AuthContext;
    const [a, b, c] = await Promise.all([createInstructor(t), createInstructor(t), createInstructor(t)]);
    await capped.save(auth, a.id);
    await capped.save(auth, b.id);
    await expect(capped.save(auth, c.id)).rejects.toMatchObject({
      statusCode: 409,
      code: 'SAVED_INSTRUCTORS_FULL',
    });
    await expect(capped.save(auth, a.id)).resolves.toEqual({ instructorId: a.id, saved: true });
    expect(await rowsFor(s.id)).toHaveLength(2);
  });

  it('appear in the export; erasing the student removes their list; an erased instructor leaves others’ lists', async () => {
    const ina = await createInstructor(t);
    const other = await createInstructor(t);
    const s = await t.user();
    await save(ina.id, s.token);
    await save(other.id, s.token);
    const exported = await t.request({ method: 'GET', url: '/api/v1/privacy/export', token: s.token });
    expect(
      exported
        .json()
        .savedInstructors.map((r: { instructor_id: string }) => r.instructor_id)
        .sort(),
    ).toEqual([ina.id, other.id].sort());

    const gone = await t.request({
      method: 'POST',
      url: '/api/v1/privacy/delete',
      token: ina.token,
      payload: { password: TEST_PASSWORD },
    });
    expect(gone.statusCode).toBe(200);
    expect((await rowsFor(s.id)).map((r) => r.instructor_id)).toEqual([other.id]);
    expect((await ids(s.token)).json().ids).toEqual([other.id]);

    const mine = await t.request({
      method: 'POST',
      url: '/api/v1/privacy/delete',
      token: s.token,
      payload: { password: TEST_PASSWORD },
    });
    expect(mine.statusCode).toBe(200);
    expect(await rowsFor(s.id)).toHaveLength(0);
  });
});
