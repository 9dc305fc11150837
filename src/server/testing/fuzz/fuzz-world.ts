import { addAvailability, createInstructor, localDate } from '../fixtures.js';
import type { TestApp } from '../test-app.js';

export type Person = { id: string; token: string; email: string };

/** Who a request speaks as. `cookie` is the student's session sent as a cookie without an Origin. */
export const AUTH_KINDS = [
  'anonymous',
  'student',
  'instructor',
  'admin',
  'bogus',
  'cookie',
  'guest',
] as const;
export type AuthKind = (typeof AUTH_KINDS)[number];

/**
 * The objects a fuzzed request may name: one instructor with two offerings, availability and a
 * blackout, one student with two bookings, search history and a reset token, and an admin.
 */
export interface FuzzWorld {
  now: Date;
  student: Person;
  instructor: Person;
  admin: Person;
  /** Real ids and names, by what they identify. */
  ids: {
    users: string[];
    instructors: string[];
    offerings: string[];
    bookings: string[];
    history: string[];
    searchEvents: string[];
    services: string[];
    serviceSlugs: string[];
    categories: string[];
    categorySlugs: string[];
    boroughs: string[];
    permissions: string[];
    resetTokens: string[];
    blackoutDates: string[];
    availableDates: string[];
  };
  emails: string[];
  /**
   * Undoes what a successful request may do to the people themselves (a logout, a password
   * change, a deactivation, a revoked permission), so later requests still speak as them.
   */
  repair(): Promise<void>;
}

async function ok(res: { statusCode: number; body: string }, what: string, status = [200, 201]) {
  if (!status.includes(res.statusCode))
    throw new Error(`fuzz fixture ${what}: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as Record<string, unknown>;
}

export async function buildFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  const now = t.deps.clock.now();
  const inst = await createInstructor(t, {
    fullName: 'Ina Fuzz',
    areas: [{ borough: 'brooklyn' }, { borough: 'manhattan' }],
    services: [
      {
        slug: 'piano',
        hourlyRateCents: 6000,
        durations: [30, 60, 90],
        locationTypes: ['online', 'instructor_place', 'student_place'],
      },
      { slug: 'guitar', hourlyRateCents: 4500, durations: [45, 60] },
    ],
  });
  const availableDates = Array.from({ length: 28 }, (_, i) => localDate(now, i));
  await addAvailability(t, inst.id, availableDates, ['09:00-12:00', '13:00-18:00']);
  const blackout = localDate(now, 20);
  await ok(
    await t.request({
      method: 'POST',
      url: '/api/v1/instructors/me/blackouts',
      token: inst.token,
      payload: { date: blackout, reason: 'Recital' },
    }),
    'blackout',
  );

  const student = await t.user({ fullName: 'Sam Fuzz' });
  const admin = await t.user({ roles: ['admin'], fullName: 'Ada Fuzz' });
  const bookings: string[] = [];
  for (const [day, time] of [
    [1, '10:00'],
    [3, '14:00'],
  ] as const) {
    const b = await ok(
      await t.request({
        method: 'POST',
        url: '/api/v1/bookings',
        token: student.token,
        payload: {
          instructorServiceId: inst.offerings[0]!.id,
          date: localDate(now, day),
          startTime: time,
          durationMinutes: 60,
          locationType: 'online',
        },
      }),
      'booking',
    );
    bookings.push(String(b.id));
  }

  await ok(
    await t.request({
      method: 'POST',
      url: '/api/v1/search-history',
      token: student.token,
      payload: { query: 'piano lessons' },
    }),
    'search history',
  );
  const search = await ok(
    await t.request({ method: 'GET', url: '/api/v1/search?q=piano', token: student.token }),
    'search',
  );
  await t.services.searchRecorder.flush();
  const history = await ok(
    await t.request({ method: 'GET', url: '/api/v1/search-history', token: student.token }),
    'history list',
  );
  const historyIds = (history.items as { id: string }[]).map((i) => i.id);

  await ok(
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/password-reset/request',
      payload: { email: student.email },
    }),
    'reset request',
    [200, 202, 204],
  );
  await t.drainJobs();
  const mails = await t.deps.database.query<{ text_body: string }>(
    `SELECT text_body FROM email_outbox WHERE template = 'password_reset'`,
  );
  const resetTokens = mails.flatMap((m) =>
    [...m.text_body.matchAll(/reset-password\/(\S+)/g)].map((x) => x[1]!),
  );

  const perms = await ok(
    await t.request({ method: 'GET', url: '/api/v1/admin/permissions', token: admin.token }),
    'permissions',
  );
  const permissionNames = extractNames(perms);

  const services = await t.deps.database.query<{ id: string; slug: string }>(
    `SELECT id::text, slug FROM services ORDER BY slug LIMIT 40`,
  );
  const categories = await t.deps.database.query<{ id: string; slug: string }>(
    `SELECT id::text, slug FROM categories ORDER BY slug`,
  );
  const boroughs = await t.deps.database.query<{ slug: string }>(`SELECT slug FROM boroughs ORDER BY slug`);

  const people = [student, inst, admin];
  const userIds = people.map((p) => p.id);
  return {
    now,
    student,
    instructor: { id: inst.id, token: inst.token, email: inst.email },
    admin,
    ids: {
      users: userIds,
      instructors: [inst.id],
      offerings: inst.offerings.map((o) => o.id),
      bookings,
      history: historyIds,
      searchEvents: typeof search.searchEventId === 'string' ? [search.searchEventId] : [],
      services: services.map((s) => s.id),
      serviceSlugs: services.map((s) => s.slug),
      categories: categories.map((c) => c.id),
      categorySlugs: categories.map((c) => c.slug),
      boroughs: boroughs.map((b) => b.slug),
      permissions: permissionNames,
      resetTokens,
      blackoutDates: [blackout],
      availableDates,
    },
    emails: people.map((p) => p.email),
    async repair() {
      const db = t.deps.database;
      const touched = new Set<string>();
      for (const sql of [
        `UPDATE users SET account_status = 'active' WHERE id = ANY($1::uuid[]) AND account_status <> 'active' RETURNING id::text`,
        `UPDATE sessions SET revoked_at = NULL WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NOT NULL RETURNING user_id::text AS id`,
        `DELETE FROM user_permissions WHERE user_id = ANY($1::uuid[]) RETURNING user_id::text AS id`,
      ]) {
        for (const r of await db.query<{ id: string }>(sql, [userIds])) touched.add(r.id);
      }
      for (const id of touched) await t.services.access.invalidate(id);
    },
  };
}

/** Permission names from `GET /admin/permissions`, whatever list shape it answers with. */
function extractNames(body: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string' && /^[a-z_]+[.:][a-z_.:]+$/.test(v)) out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.name === 'string') out.add(o.name);
      Object.values(o).forEach(walk);
    }
  };
  walk(body);
  return [...out].slice(0, 40);
}
