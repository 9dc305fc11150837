import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema/index.js';
import { ManualClock } from '../../platform/clock.js';
import type { TestApp } from '../../testing/test-app.js';
import { TEST_PASSWORD, createTestApp } from '../../testing/test-app.js';

let t: TestApp;
const clock = new ManualClock(new Date());
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

const signup = (payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/auth/signup', payload });
const login = (payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/api/v1/auth/login', payload });
const me = (token?: string) => t.request({ method: 'GET', url: '/api/v1/auth/me', token });
let n = 0;
const freshEmail = () => `person${++n}-${Date.now()}@example.com`;

describe('signup', () => {
  it('creates a student who can see their roles and effective permissions', async () => {
    const res = await signup({ email: freshEmail(), password: 'Str0ng-pass', fullName: 'Ada Student' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.token).toMatch(/^iis_/);
    expect(body.user.roles).toEqual(['student']);
    const m = await me(body.token);
    expect(m.statusCode).toBe(200);
    expect(m.json().user.permissions).toContain('create_bookings');
    expect(m.json().user.permissions).not.toContain('manage_services');
    expect(m.json().user.permissions).toHaveLength(10);
    expect(m.json().user.timezone).toBe('America/New_York');
  });

  it('gives a self-service instructor both roles and instructor permissions', async () => {
    const res = await signup({
      email: freshEmail(),
      password: 'Str0ng-pass',
      fullName: 'Ian Teacher',
      role: 'instructor',
      timezone: 'America/Chicago',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.roles).toEqual(['instructor', 'student']);
    expect(res.json().user.permissions).toContain('manage_availability');
    expect(res.json().user.timezone).toBe('America/Chicago');
  });

  it('opens a self-service instructor an empty profile in the zone they signed up with', async () => {
    const res = await signup({
      email: freshEmail(),
      password: 'Str0ng-pass',
      fullName: 'Zoe Zoned',
      role: 'instructor',
      timezone: 'America/Denver',
    });
    const profile = await t.request({
      method: 'GET',
      url: '/api/v1/instructors/me',
      token: res.json().token,
    });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ timezone: 'America/Denver', bio: '', areas: [], services: [] });
  });

  it('never grants admin through signup: an unknown field is a 400 in the error shape', async () => {
    const res = await signup({ email: freshEmail(), password: 'Str0ng-pass', fullName: 'X', isAdmin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
    expect(res.json().error.message).toMatch(/isAdmin/);
    const bad = await signup({ email: freshEmail(), password: 'Str0ng-pass', fullName: 'X', role: 'admin' });
    expect(bad.statusCode).toBe(400);
  });

  it('enforces the password policy', async () => {
    for (const password of ['Short1A', 'nouppercase1', 'NoDigitsHere']) {
      const res = await signup({ email: freshEmail(), password, fullName: 'P' });
      expect(res.statusCode, password).toBe(400);
    }
  });

  it('refuses an invalid email or time zone', async () => {
    expect((await signup({ email: 'not-an-email', password: 'Str0ng-pass', fullName: 'P' })).statusCode).toBe(
      400,
    );
    const tz = await signup({
      email: freshEmail(),
      password: 'Str0ng-pass',
      fullName: 'P',
      timezone: 'Mars/Olympus',
    });
    expect(tz.statusCode).toBe(400);
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const email = freshEmail();
    expect((await signup({ email, password: 'Str0ng-pass', fullName: 'A' })).statusCode).toBe(201);
    const again = await signup({ email: email.toUpperCase(), password: 'Str0ng-pass', fullName: 'B' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EMAIL_TAKEN');
  });
});

describe('login and sessions', () => {
  it('answers a wrong password and an unknown email identically', async () => {
    const u = await t.user();
    const wrong = await login({ email: u.email, password: 'Wrong-pass-1' });
    const unknown = await login({ email: `nobody-${Date.now()}@example.com`, password: 'Wrong-pass-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('logs in case-insensitively and sets an httpOnly session cookie', async () => {
    const u = await t.user();
    const res = await login({ email: u.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'ii_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const viaCookie = await t.request({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { ii_session: cookie!.value },
    });
    expect(viaCookie.json().user.email).toBe(u.email);
  });

  it('refuses a cookie-authenticated write from another origin', async () => {
    const u = await t.user();
    const res = await login({ email: u.email, password: TEST_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'ii_session')!.value;
    const patch = (headers: Record<string, string>) =>
      t.request({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        cookies: { ii_session: cookie },
        headers,
        payload: { fullName: 'New Name' },
      });
    expect((await patch({ origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await patch({})).statusCode).toBe(403);
    expect((await patch({ origin: 'http://localhost:80' })).statusCode).toBe(200);
  });

  it('a cookie on a cross-site write to a public route does not act for the user: it is recorded as a guest', async () => {
    const u = await t.user();
    const res = await login({ email: u.email, password: TEST_PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'ii_session')!.value;
    const record = (headers: Record<string, string>) =>
      t.request({
        method: 'POST',
        url: '/api/v1/search-history',
        cookies: { ii_session: cookie },
        headers: { 'x-guest-session-id': 'guest-cross-site-1', ...headers },
        payload: { query: 'cross site piano' },
      });
    expect((await record({ origin: 'https://evil.example' })).statusCode).toBe(201);
    expect((await record({ origin: 'http://localhost:80' })).statusCode).toBe(201);
    const listOf = (o: { token?: string; headers?: Record<string, string> }) =>
      t.request({ method: 'GET', url: '/api/v1/search-history', ...o });
    const mine = (await listOf({ token: u.token })).json().items;
    expect(mine).toMatchObject([{ query: 'cross site piano', searchCount: 1 }]);
    const guests = (await listOf({ headers: { 'x-guest-session-id': 'guest-cross-site-1' } })).json().items;
    expect(guests).toMatchObject([{ query: 'cross site piano', searchCount: 1 }]);
  });

  it('logout ends the session at once', async () => {
    const u = await t.user();
    expect((await me(u.token)).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: u.token })).statusCode).toBe(
      204,
    );
    const after = await me(u.token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('anonymous and garbage tokens get 401', async () => {
    expect((await me()).statusCode).toBe(401);
    expect((await me('iis_garbage')).statusCode).toBe(401);
  });

  it('the session endpoint names the signed-in user, and a guest or an ended session as null', async () => {
    const u = await t.user({ fullName: 'Session Person' });
    const session = (token?: string) => t.request({ method: 'GET', url: '/api/v1/auth/session', token });
    const signedIn = await session(u.token);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ id: u.id, fullName: 'Session Person' });
    expect((await session()).json()).toEqual({ user: null });
    await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: u.token });
    const ended = await session(u.token);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ user: null });
  });

  it('an expired session no longer authenticates', async () => {
    const u = await t.user();
    clock.advance(31 * 86_400_000);
    try {
      expect((await me(u.token)).statusCode).toBe(401);
    } finally {
      clock.advance(-31 * 86_400_000);
    }
  });
});

describe('login throttling', () => {
  it('answers the 10th wrong password with 429 and Retry-After, then refuses even the right one', async () => {
    const u = await t.user();
    const codes: number[] = [];
    for (let i = 0; i < 10; i++)
      codes.push((await login({ email: u.email, password: 'Wrong-pass-1' })).statusCode);
    expect(codes.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(codes[9]).toBe(429);
    const blocked = await login({ email: u.email, password: TEST_PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.code).toBe('RATE_LIMITED');
  });

  it('a successful login resets the account counter', async () => {
    const u = await t.user();
    for (let i = 0; i < 8; i++) await login({ email: u.email, password: 'Wrong-pass-1' });
    expect((await login({ email: u.email, password: TEST_PASSWORD })).statusCode).toBe(200);
    for (let i = 0; i < 8; i++)
      expect((await login({ email: u.email, password: 'Wrong-pass-1' })).statusCode).toBe(401);
  });
});

describe('profile', () => {
  it('changes name and time zone, refusing non-IANA zones and empty patches', async () => {
    const u = await t.user();
    const ok = await t.request({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      token: u.token,
      payload: { timezone: 'Europe/Berlin', fullName: 'Grete' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user).toMatchObject({ timezone: 'Europe/Berlin', fullName: 'Grete' });
    for (const payload of [{ timezone: 'GMT+2' }, { timezone: 'Nowhere/City' }, {}, { email: 'x@y.z' }]) {
      const bad = await t.request({ method: 'PATCH', url: '/api/v1/auth/me', token: u.token, payload });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await me(u.token)).json().user.timezone).toBe('Europe/Berlin');
  });

  it('changing the password ends the other sessions but keeps this one', async () => {
    const u = await t.user();
    const other = (await login({ email: u.email, password: TEST_PASSWORD })).json().token;
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      token: u.token,
      payload: { currentPassword: 'nope', newPassword: 'Brand-new-1' },
    });
    expect(wrong.statusCode).toBe(422);
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      token: u.token,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Brand-new-1' },
    });
    expect(res.statusCode).toBe(204);
    expect((await me(u.token)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await login({ email: u.email, password: 'Brand-new-1' })).statusCode).toBe(200);
  });
});

describe('permissions of the signed-in user', () => {
  it('/auth/me and /auth/session list every permission; a revoked create_bookings drops from both at once', async () => {
    const admin = await t.user({ roles: ['admin'] });
    const u = await t.user();
    const session = (token: string) => t.request({ method: 'GET', url: '/api/v1/auth/session', token });
    const student = [
      'manage_own_profile',
      'view_own_bookings',
      'view_own_search_history',
      'change_own_password',
      'delete_own_account',
      'view_instructors',
      'view_instructor_availability',
      'create_bookings',
      'cancel_own_bookings',
      'view_booking_details',
    ];
    expect([...(await me(u.token)).json().user.permissions].sort()).toEqual([...student].sort());
    // Read once so the cached access is the one the revocation has to replace.
    expect((await session(u.token)).json().user.permissions).toContain('create_bookings');

    const revoke = await t.request({
      method: 'DELETE',
      url: `/api/v1/admin/users/${u.id}/permissions/create_bookings`,
      token: admin.token,
    });
    expect(revoke.statusCode).toBe(200);

    const after = (await me(u.token)).json().user;
    expect(after.roles).toEqual(['student']);
    expect(after.permissions).not.toContain('create_bookings');
    expect([...after.permissions].sort()).toEqual(student.filter((p) => p !== 'create_bookings').sort());
    expect((await session(u.token)).json().user.permissions).not.toContain('create_bookings');
    // What the web app is told matches what the booking route enforces.
    const book = await t.request({ method: 'POST', url: '/api/v1/bookings', token: u.token, payload: {} });
    expect(book.statusCode).toBe(403);
  });
});

describe('password reset', () => {
  const request = (email: string) =>
    t.request({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email } });
  const latestToken = async (email: string) => {
    await t.drainJobs();
    const rows = await t.deps.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    const last = rows.sort((a, b) => +b.createdAt - +a.createdAt)[0];
    return last?.textBody.match(/reset-password\/(\S+)/)?.[1];
  };

  it('answers the same for known and unknown emails, and only emails real accounts', async () => {
    const u = await t.user();
    const known = await request(u.email);
    const unknown = await request(`ghost-${Date.now()}@example.com`);
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(await latestToken(u.email)).toBeTruthy();
  });

  it('verifies with a masked email, confirms once, and ends existing sessions', async () => {
    const u = await t.user();
    await request(u.email);
    const token = (await latestToken(u.email))!;
    const verify = await t.request({ method: 'GET', url: `/api/v1/auth/password-reset/verify/${token}` });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().email).toMatch(/^u\*{3,}@example\.com$/);
    const weak = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'weak' },
    });
    expect(weak.statusCode).toBe(400);
    const confirm = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'Reset-pass-9' },
    });
    expect(confirm.statusCode).toBe(204);
    expect((await me(u.token)).statusCode).toBe(401);
    expect((await login({ email: u.email, password: 'Reset-pass-9' })).statusCode).toBe(200);
    const reuse = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'Other-pass-9' },
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().error.code).toBe('INVALID_RESET_TOKEN');
  });

  it('a token older than an hour is refused', async () => {
    const u = await t.user();
    await request(u.email);
    const token = (await latestToken(u.email))!;
    clock.advance(61 * 60_000);
    try {
      expect(
        (await t.request({ method: 'GET', url: `/api/v1/auth/password-reset/verify/${token}` })).statusCode,
      ).toBe(400);
      const c = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, password: 'Reset-pass-9' },
      });
      expect(c.statusCode).toBe(400);
    } finally {
      clock.advance(-61 * 60_000);
    }
  });
});
