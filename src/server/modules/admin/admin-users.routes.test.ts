import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../platform/access/permissions.js';
import type { TestApp } from '../../testing/test-app.js';
import { TEST_PASSWORD, createTestApp } from '../../testing/test-app.js';

let t: TestApp;
let admin: { token: string; id: string };
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.user({ roles: ['admin'] });
});
afterAll(() => t.close());

const me = (token: string) => t.request({ method: 'GET', url: '/api/v1/auth/me', token });
const login = (email: string, extra: Record<string, unknown> = {}) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: TEST_PASSWORD, ...extra },
  });
const setStatus = (id: string, status: string, token = admin.token) =>
  t.request({ method: 'POST', url: `/api/v1/admin/users/${id}/status`, token, payload: { status } });

describe('RBAC', () => {
  it('an admin holds all 30 permissions', async () => {
    const perms = (await me(admin.token)).json().user.permissions;
    expect(perms).toHaveLength(ALL_PERMISSIONS.length);
    expect(ALL_PERMISSIONS.length).toBeGreaterThanOrEqual(30);
  });

  it('a per-user revoke removes one permission even though a role grants it; a grant adds one', async () => {
    const u = await t.user();
    const revoke = await t.request({
      method: 'DELETE',
      url: `/api/v1/admin/users/${u.id}/permissions/create_bookings`,
      token: admin.token,
    });
    expect(revoke.statusCode).toBe(200);
    const perms = (await me(u.token)).json().user.permissions;
    expect(perms).not.toContain('create_bookings');
    expect(perms).toContain('view_instructors');
    await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${u.id}/permissions/view_all_users`,
      token: admin.token,
    });
    expect((await me(u.token)).json().user.permissions).toContain('view_all_users');
    // The grant takes effect on routes at once.
    expect((await t.request({ method: 'GET', url: '/api/v1/admin/users', token: u.token })).statusCode).toBe(
      200,
    );
  });

  it('unknown permission names and user ids are 404', async () => {
    const u = await t.user();
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/admin/users/${u.id}/permissions/fly`,
          token: admin.token,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/permissions/view_instructors',
          token: admin.token,
        })
      ).statusCode,
    ).toBe(404);
    expect((await setStatus('not-a-uuid', 'suspended')).statusCode).toBe(404);
  });
});

describe('admin user routes: anonymous, other user, admin', () => {
  it('listing users needs view_all_users', async () => {
    const u = await t.user();
    expect((await t.request({ method: 'GET', url: '/api/v1/admin/users' })).statusCode).toBe(401);
    const other = await t.request({ method: 'GET', url: '/api/v1/admin/users', token: u.token });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.details.permission).toBe('view_all_users');
    const ok = await t.request({
      method: 'GET',
      url: `/api/v1/admin/users?q=${encodeURIComponent(u.email)}&perPage=500`,
      token: admin.token,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ total: 1, page: 1, perPage: 100 });
    expect(ok.json().items[0].id).toBe(u.id);
  });

  it('an admin cannot revoke their own permission, and keeps it', async () => {
    const res = await t.request({
      method: 'DELETE',
      url: `/api/v1/admin/users/${admin.id}/permissions/manage_permissions`,
      token: admin.token,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('SELF_LOCKOUT');
    expect((await me(admin.token)).json().user.permissions).toContain('manage_permissions');
  });

  it('the permission list is for admins and names every permission once', async () => {
    const u = await t.user();
    const url = '/api/v1/admin/permissions';
    expect((await t.request({ method: 'GET', url })).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url, token: u.token })).statusCode).toBe(403);
    const ok = await t.request({ method: 'GET', url, token: admin.token });
    expect(ok.statusCode).toBe(200);
    const names = ok.json().items.map((p: { name: string }) => p.name);
    expect(new Set(names).size).toBe(ALL_PERMISSIONS.length);
    expect(ok.json().items).toContainEqual({
      name: 'manage_users',
      scope: 'admin',
      description: 'Change any account’s status',
    });
  });

  it('changing a status needs manage_users; a user cannot change their own through it', async () => {
    const u = await t.user();
    expect(
      (
        await t.request({
          method: 'POST',
          url: `/api/v1/admin/users/${u.id}/status`,
          payload: { status: 'suspended' },
        })
      ).statusCode,
    ).toBe(401);
    expect((await setStatus(u.id, 'suspended', u.token)).statusCode).toBe(403);
    expect((await setStatus(admin.id, 'suspended')).statusCode).toBe(422);
    expect((await setStatus(u.id, 'frozen')).statusCode).toBe(400);
  });
});

describe('account status', () => {
  it('an admin’s reason is kept with the status for other admins, and cleared when it changes again', async () => {
    const u = await t.user();
    const suspend = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${u.id}/status`,
      token: admin.token,
      payload: { status: 'suspended', reason: '  Chargeback under review  ' },
    });
    expect(suspend.statusCode).toBe(200);
    const seen = await t.request({ method: 'GET', url: `/api/v1/admin/users/${u.id}`, token: admin.token });
    expect(seen.json()).toMatchObject({
      accountStatus: 'suspended',
      statusReason: 'Chargeback under review',
    });
    expect(Date.parse(seen.json().statusChangedAt)).not.toBeNaN();
    expect((await setStatus(u.id, 'active')).json()).toMatchObject({
      accountStatus: 'active',
      statusReason: null,
    });
  });

  it('a suspended account can still sign in and use its session', async () => {
    const u = await t.user();
    expect((await setStatus(u.id, 'suspended')).statusCode).toBe(200);
    const m = await me(u.token);
    expect(m.statusCode).toBe(200);
    expect(m.json().user.accountStatus).toBe('suspended');
    expect((await login(u.email)).statusCode).toBe(200);
  });

  it('deactivation ends live sessions at once and login answers 403 ACCOUNT_DEACTIVATED', async () => {
    const u = await t.user();
    expect((await setStatus(u.id, 'deactivated')).statusCode).toBe(200);
    expect((await me(u.token)).statusCode).toBe(401);
    const res = await login(u.email);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DEACTIVATED');
    // An admin's deactivation cannot be undone by the user.
    expect((await login(u.email, { reactivate: true })).statusCode).toBe(403);
    expect((await setStatus(u.id, 'active')).statusCode).toBe(200);
    expect((await login(u.email)).statusCode).toBe(200);
  });

  it('a self-deactivated account is reactivated by logging in with reactivate: true', async () => {
    const u = await t.user();
    await t.services.accountStatus.change(u.id, 'deactivated', u.id);
    expect((await login(u.email)).json().error.details.canReactivate).toBe(true);
    const res = await login(u.email, { reactivate: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.accountStatus).toBe('active');
  });

  it('a wrong password never reveals that an account is deactivated', async () => {
    const u = await t.user();
    await setStatus(u.id, 'deactivated');
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: 'Wrong-pass-1' },
    });
    expect(res.statusCode).toBe(401);
  });
});
