import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, users } from '../../db/schema/index.js';
import { addAvailability, createInstructor, localDate } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { searchOk, useSearchTestApp } from '../search/search.test-helpers.js';
import { VERIFICATION_TTL_MS } from './email-verification.service.js';

const app = useSearchTestApp({ demo: false });
const { clock } = app;
let n = 0;
const freshEmail = () => `verify${++n}-${Date.now()}@example.com`;

const signup = (t: TestApp, role: 'student' | 'instructor' = 'student') =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/signup',
    payload: { email: freshEmail(), password: 'Str0ng-pass', fullName: 'Vera Verify', role },
  });
const verify = (token: string) =>
  app.t.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { token } });
const resend = (token?: string) =>
  app.t.request({ method: 'POST', url: '/api/v1/auth/verify-email/resend', token });
const me = async (token: string) =>
  (await app.t.request({ method: 'GET', url: '/api/v1/auth/me', token })).json().user as {
    emailVerified: boolean;
  };

/** The tokens of every verification link mailed to the address, oldest first. */
const linksTo = async (to: string) =>
  (
    await app.t.deps.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.template, 'email_verification')))
  )
    .sort((a, b) => +a.createdAt - +b.createdAt)
    .map((m) => m.textBody.match(/verify-email\?token=(\S+)/)?.[1] ?? '');

const verifiedAt = async (id: string) =>
  (await app.t.deps.db.select().from(users).where(eq(users.id, id)))[0]!.emailVerifiedAt;

describe('email verification', () => {
  it('mails a link with the signup; the link verifies once and is then spent', async () => {
    const res = await signup(app.t);
    expect(res.statusCode).toBe(201);
    const { user, token: session } = res.json() as {
      user: { id: string; email: string; emailVerified: boolean };
      token: string;
    };
    expect(user.emailVerified).toBe(false);
    const [link, ...more] = await linksTo(user.email);
    expect(more).toEqual([]);
    expect(link).toMatch(/^iiv_/);

    expect((await verify(link!)).statusCode).toBe(204);
    expect((await me(session)).emailVerified).toBe(true);
    const first = await verifiedAt(user.id);
    expect(first).toBeInstanceOf(Date);

    // The export shows when the address was verified.
    const exported = await app.t.request({ method: 'GET', url: '/api/v1/privacy/export', token: session });
    expect(new Date(exported.json().profile.email_verified_at as string)).toEqual(first);

    const again = await verify(link!);
    expect([again.statusCode, again.json().error.code]).toEqual([400, 'INVALID_VERIFICATION_TOKEN']);
    expect(await verifiedAt(user.id)).toEqual(first);
  });

  it('refuses a wrong token and changes nothing', async () => {
    const res = await signup(app.t);
    const { user, token: session } = res.json() as { user: { id: string; email: string }; token: string };
    const [link] = await linksTo(user.email);
    const wrong = await verify(`${link!.slice(0, -3)}xyz`);
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([400, 'INVALID_VERIFICATION_TOKEN']);
    expect((await verify('not-a-token-at-all')).statusCode).toBe(400);
    expect((await me(session)).emailVerified).toBe(false);
    expect(await verifiedAt(user.id)).toBeNull();
    // The real link still works afterwards.
    expect((await verify(link!)).statusCode).toBe(204);
  });

  it('refuses an expired link (48 hours)', async () => {
    const res = await signup(app.t);
    const { user, token: session } = res.json() as { user: { id: string; email: string }; token: string };
    const [link] = await linksTo(user.email);
    const start = clock.now();
    try {
      clock.advance(VERIFICATION_TTL_MS + 1000);
      expect((await verify(link!)).statusCode).toBe(400);
      expect((await me(session)).emailVerified).toBe(false);
    } finally {
      clock.set(start);
    }
    // A fresh link works where the old one did not.
    expect((await resend(session)).json()).toEqual({ emailVerified: false });
    const links = await linksTo(user.email);
    expect(links).toHaveLength(2);
    expect((await verify(links[1]!)).statusCode).toBe(204);
    expect((await me(session)).emailVerified).toBe(true);
  });

  it('of two concurrent uses of one link, exactly one succeeds', async () => {
    const res = await signup(app.t);
    const { user } = res.json() as { user: { id: string; email: string } };
    const [link] = await linksTo(user.email);
    const answers = await Promise.all([verify(link!), verify(link!), verify(link!)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([204, 400, 400]);
    expect(await verifiedAt(user.id)).toBeInstanceOf(Date);
  });

  it('resend: 401 for a guest; no mail once verified; spent old links die with the verification', async () => {
    expect((await resend()).statusCode).toBe(401);
    const res = await signup(app.t);
    const { user, token: session } = res.json() as { user: { email: string }; token: string };
    expect((await resend(session)).statusCode).toBe(200);
    const [old, fresh] = await linksTo(user.email);
    expect((await verify(fresh!)).statusCode).toBe(204);
    // The other outstanding link was spent with it.
    expect((await verify(old!)).statusCode).toBe(400);
    const again = await resend(session);
    expect([again.statusCode, again.json()]).toEqual([200, { emailVerified: true }]);
    expect(await linksTo(user.email)).toHaveLength(2);
  });

  it('an unverified instructor is in neither search nor the instructor list until the link is opened', async () => {
    const i = await createInstructor(app.t, {
      verified: false,
      services: [{ slug: 'flute', hourlyRateCents: 6100 }],
    });
    await addAvailability(app.t, i.id, [localDate(clock.now(), 1)], ['09:00-12:00']);
    const inSearch = async () =>
      (await searchOk<{ results: { instructor: { id: string } }[] }>(app.t, 'flute')).results.some(
        (r) => r.instructor.id === i.id,
      );
    const listed = async () =>
      (
        (await app.t.request({ method: 'GET', url: '/api/v1/instructors?service=flute' })).json() as {
          items: { id: string }[];
        }
      ).items.some((x) => x.id === i.id);
    expect(await inSearch()).toBe(false);
    expect(await listed()).toBe(false);
    // The dashboard can tell the instructor why.
    expect((await me(i.token)).emailVerified).toBe(false);

    const [link] = await linksTo(i.email);
    expect((await verify(link!)).statusCode).toBe(204);
    expect(await inSearch()).toBe(true);
    expect(await listed()).toBe(true);
  });

  it('an unverified student may still book', async () => {
    const i = await createInstructor(app.t, {
      services: [{ slug: 'viola', hourlyRateCents: 5000, durations: [60] }],
    });
    const date = localDate(clock.now(), 2);
    await addAvailability(app.t, i.id, [date], ['10:00-11:00']);
    const s = await app.t.user({ verified: false });
    expect((await me(s.token)).emailVerified).toBe(false);
    const booked = await app.t.request({
      method: 'POST',
      url: '/api/v1/bookings',
      token: s.token,
      payload: {
        instructorServiceId: i.offerings[0]!.id,
        date,
        startTime: '10:00',
        durationMinutes: 60,
        locationType: 'online',
      },
    });
    expect(booked.statusCode).toBe(201);
  });
});
