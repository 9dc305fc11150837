import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: { token: string; id: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

const adminSets = (id: string, status: string) =>
  t.request({
    method: 'POST',
    url: `/api/v1/admin/users/${id}/status`,
    token: admin.token,
    payload: { status },
  });
const selfSets = (token: string, action: string) =>
  t.request({ method: 'POST', url: '/api/v1/instructors/me/status', token, payload: { action } });
const statusOf = async (token: string) =>
  (await t.request({ method: 'GET', url: '/api/v1/auth/me', token })).json().user.accountStatus;

describe('who may lift a status', () => {
  it('an instructor suspended by an admin cannot reactivate themselves', async () => {
    const inst = await t.user({ roles: ['instructor'] });
    await t.request({ method: 'POST', url: '/api/v1/instructors/me/become', token: inst.token });
    expect((await adminSets(inst.id, 'suspended')).statusCode).toBe(200);
    const lift = await selfSets(inst.token, 'reactivate');
    expect(lift.statusCode).toBe(403);
    expect(lift.json().error.code).toBe('STATUS_SET_BY_ADMIN');
    expect(await statusOf(inst.token)).toBe('suspended');
  });

  it('nor launder the suspension through deactivate and a reactivating login', async () => {
    const inst = await t.user({ roles: ['instructor'] });
    await t.request({ method: 'POST', url: '/api/v1/instructors/me/become', token: inst.token });
    await adminSets(inst.id, 'suspended');
    const leave = await selfSets(inst.token, 'deactivate');
    expect(leave.statusCode).toBe(403);
    expect(await statusOf(inst.token)).toBe('suspended');
  });

  it('a student suspended by an admin who becomes an instructor still cannot lift it', async () => {
    const s = await t.user();
    await adminSets(s.id, 'suspended');
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/instructors/me/become', token: s.token })).statusCode,
    ).toBe(200);
    expect((await selfSets(s.token, 'reactivate')).statusCode).toBe(403);
    expect(await statusOf(s.token)).toBe('suspended');
  });

  it('a suspension the instructor set themselves, they lift; after an admin lifts theirs, so can they', async () => {
    const inst = await t.user({ roles: ['instructor'] });
    await t.request({ method: 'POST', url: '/api/v1/instructors/me/become', token: inst.token });
    expect((await selfSets(inst.token, 'suspend')).statusCode).toBe(200);
    expect((await selfSets(inst.token, 'reactivate')).statusCode).toBe(200);
    await adminSets(inst.id, 'suspended');
    await adminSets(inst.id, 'active');
    expect((await selfSets(inst.token, 'suspend')).statusCode).toBe(200);
    expect(await statusOf(inst.token)).toBe('suspended');
  });
});
