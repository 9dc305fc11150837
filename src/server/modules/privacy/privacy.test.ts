import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { ManualClock } from '../../platform/clock.js';
import { createInstructor, insertLessonRow, type InstructorFixture } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';
import { TEST_PASSWORD, createTestApp } from '../../testing/test-app.js';

const clock = new ManualClock(new Date('2026-06-15T16:00:00Z'));
let t: TestApp;
let admin: { token: string; id: string };
let teacher: InstructorFixture;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.user({ roles: ['admin'] });
  teacher = await createInstructor(t, { fullName: 'Tess Teacher' });
});
afterAll(() => t.close());

const search = async (token: string, q: string) => {
  await t.request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}`, token });
  await t.services.searchRecorder.flush();
};
const exportOf = (token?: string) => t.request({ method: 'GET', url: '/api/v1/privacy/export', token });
const del = (token: string | undefined, password: string) =>
  t.request({ method: 'POST', url: '/api/v1/privacy/delete', token, payload: { password } });

/** Every text-ish column of every public table that holds `needle`, as "table.column". */
async function tablesHolding(needle: string): Promise<string[]> {
  const cols = await rowsOf<{ table_name: string; column_name: string }>(
    t.deps.db,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'character varying', 'ARRAY')`,
  );
  const hits: string[] = [];
  for (const c of cols) {
    const [row] = await rowsOf<{ n: number }>(
      t.deps.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(c.table_name)}
          WHERE ${sql.identifier(c.column_name)}::text ILIKE ${`%${needle}%`}`,
    );
    if (row!.n > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

describe('data export', () => {
  it('holds exactly my rows: my profile, searches and lessons, nobody else’s', async () => {
    const me = await t.user({ fullName: 'Erin Exporter' });
    const other = await t.user({ fullName: 'Otto Other' });
    await search(me.token, 'piano for me');
    await search(other.token, 'violin for otto');
    await insertLessonRow(t, {
      instructor: teacher,
      studentId: me.id,
      startsAt: '2026-06-01T14:00:00Z',
      status: 'completed',
    });
    await insertLessonRow(t, {
      instructor: teacher,
      studentId: other.id,
      startsAt: '2026-06-02T14:00:00Z',
      status: 'completed',
    });

    const res = await exportOf(me.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const data = res.json();
    expect(data.profile).toMatchObject({ id: me.id, email: me.email, full_name: 'Erin Exporter' });
    expect(data.roles).toEqual(['student']);
    expect(data.searchEvents.map((e: { query: string }) => e.query)).toEqual(['piano for me']);
    expect(data.searchHistory.map((e: { query: string }) => e.query)).toEqual(['piano for me']);
    expect(data.bookingsAsStudent).toHaveLength(1);
    expect(data.bookingsAsInstructor).toEqual([]);
    expect(res.body).not.toContain(other.email);
    expect(res.body).not.toContain('otto');
    expect(res.body).not.toContain('password_hash');
    expect(res.body).not.toContain('token_hash');
  });

  it('needs a session and is rate-limited per person', async () => {
    expect((await exportOf()).statusCode).toBe(401);
    const u = await t.user();
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await exportOf(u.token)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
  });
});

describe('account deletion', () => {
  it('a wrong password is 403 and changes nothing; anonymous is 401', async () => {
    const u = await t.user();
    expect((await del(u.token, 'Wrong-pass-9')).statusCode).toBe(403);
    expect((await del(undefined, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', token: u.token })).json().user.id).toBe(
      u.id,
    );
  });

  it('erases me everywhere, cancels my upcoming lesson without a fee and tells the instructor; the past lesson stays', async () => {
    const me = await t.user({ fullName: 'Zelda Quimby' });
    await search(me.token, 'piano lessons');
    const past = await insertLessonRow(t, {
      instructor: teacher,
      studentId: me.id,
      startsAt: '2026-06-01T14:00:00Z',
      status: 'completed',
    });
    const future = await insertLessonRow(t, {
      instructor: teacher,
      studentId: me.id,
      startsAt: '2026-06-20T14:00:00Z',
    });

    const res = await del(me.token, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deleted: true, cancelledLessons: 1 });

    expect((await t.request({ method: 'GET', url: '/api/v1/bookings', token: me.token })).statusCode).toBe(
      401,
    );
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: me.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const found = await t.request({
      method: 'GET',
      url: `/api/v1/admin/users?q=${encodeURIComponent(me.email)}`,
      token: admin.token,
    });
    expect(found.json().total).toBe(0);

    expect(await tablesHolding(me.email)).toEqual([]);
    expect(await tablesHolding('Zelda')).toEqual([]);
    const [counts] = await rowsOf<{ events: number; history: number }>(
      t.deps.db,
      sql`SELECT (SELECT count(*)::int FROM search_events WHERE user_id = ${me.id}) AS events,
                 (SELECT count(*)::int FROM search_history WHERE user_id = ${me.id}) AS history`,
    );
    expect(counts).toEqual({ events: 0, history: 0 });

    // The instructor's history: the past lesson intact with "Deleted user", the future one cancelled free.
    const lessons = await rowsOf<{ id: string; status: string; cancellation_fee_cents: number | null }>(
      t.deps.db,
      sql`SELECT id, status, cancellation_fee_cents FROM bookings WHERE id IN (${past}, ${future}) ORDER BY starts_at`,
    );
    expect(lessons).toEqual([
      { id: past, status: 'completed', cancellation_fee_cents: null },
      { id: future, status: 'cancelled', cancellation_fee_cents: 0 },
    ]);
    const [name] = await rowsOf<{ full_name: string }>(
      t.deps.db,
      sql`SELECT full_name FROM users WHERE id = ${me.id}`,
    );
    expect(name!.full_name).toBe('Deleted user');
    const mail = await rowsOf<{ n: number }>(
      t.deps.db,
      sql`SELECT count(*)::int AS n FROM email_outbox WHERE to_address = ${teacher.email} AND template LIKE '%cancel%'`,
    );
    expect(mail[0]!.n).toBeGreaterThanOrEqual(1);
  });

  it('a search still queued when I delete my account is not written afterwards under my id', async () => {
    const me = await t.user({ fullName: 'Quinn Queued' });
    // Not flushed: the search waits in the recorder's queue when the erasure starts.
    await t.request({ method: 'GET', url: '/api/v1/search?q=queued%20cello', token: me.token });
    expect((await del(me.token, TEST_PASSWORD)).statusCode).toBe(200);
    await t.services.searchRecorder.flush();
    const left = await rowsOf<{ n: number }>(
      t.deps.db,
      sql`SELECT (SELECT count(*) FROM search_events WHERE user_id = ${me.id})::int
               + (SELECT count(*) FROM search_history WHERE user_id = ${me.id})::int AS n`,
    );
    expect(left[0]!.n).toBe(0);
  });

  it('an instructor with upcoming lessons is refused with 409 naming the count; one without may delete', async () => {
    const ins = await createInstructor(t, { fullName: 'Busy Bee' });
    const s = await t.user();
    await insertLessonRow(t, { instructor: ins, studentId: s.id, startsAt: '2026-06-20T14:00:00Z' });
    await insertLessonRow(t, { instructor: ins, studentId: s.id, startsAt: '2026-06-21T14:00:00Z' });
    const res = await del(ins.token, TEST_PASSWORD);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'HAS_FUTURE_LESSONS', details: { count: 2 } });
    expect(res.json().error.message).toContain('2 upcoming lessons');

    const idle = await createInstructor(t, { fullName: 'Idle Ida' });
    expect((await del(idle.token, TEST_PASSWORD)).statusCode).toBe(200);
    const [svc] = await rowsOf<{ active: number }>(
      t.deps.db,
      sql`SELECT count(*) FILTER (WHERE active)::int AS active FROM instructor_services WHERE instructor_id = ${idle.id}`,
    );
    expect(svc!.active).toBe(0);
  });
});

/** Every column of every public table whose value (as text) holds `id`, as "table.column". */
async function columnsHoldingId(id: string): Promise<string[]> {
  const cols = await rowsOf<{ table_name: string; column_name: string }>(
    t.deps.db,
    sql`SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN information_schema.tables tb ON tb.table_name = c.table_name AND tb.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
          AND c.data_type IN ('uuid', 'text', 'jsonb', 'character varying', 'ARRAY')
        ORDER BY c.table_name, c.column_name`,
  );
  const hits: string[] = [];
  for (const c of cols) {
    const [row] = await rowsOf<{ n: number }>(
      t.deps.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(c.table_name)}
          WHERE ${sql.identifier(c.column_name)}::text ILIKE ${`%${id}%`}`,
    );
    if (row!.n > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}

describe('deletion completeness', () => {
  it('leaves the old email, name and id nowhere but as a bare reference in business records; the instructor’s lessons and stats do not move', async () => {
    const ins = await createInstructor(t, { fullName: 'Paula Keeps' });
    const me = await t.user({ fullName: 'Quentin Vanish', email: `quentin-${Date.now()}@example.com` });
    await search(me.token, 'cello with quentin');
    const past = await insertLessonRow(t, {
      instructor: ins,
      studentId: me.id,
      startsAt: '2026-06-05T14:00:00Z',
      status: 'completed',
    });
    await insertLessonRow(t, { instructor: ins, studentId: me.id, startsAt: '2026-06-25T14:00:00Z' });
    const review = await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${past}/review`,
      token: me.token,
      payload: { rating: 4, text: 'Quentin says: lovely lessons' },
    });
    expect(review.statusCode).toBe(201);
    await t.request({
      method: 'POST',
      url: `/api/v1/bookings/${past}/student-feedback`,
      token: ins.token,
      payload: { rating: 5, text: 'Quentin practised well' },
    });
    const conv = await t.request({
      method: 'POST',
      url: '/api/v1/conversations',
      token: me.token,
      payload: { instructorId: ins.id },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/conversations/${conv.json().id}/messages`,
      token: me.token,
      payload: { body: 'Hi, Quentin here, quentin@home.example', clientMessageId: randomUUID() },
    });
    const instructorView = async () => ({
      stats: (await t.request({ method: 'GET', url: '/api/v1/bookings/stats', token: ins.token })).json(),
      profile: (({ rating, reviewCount }) => ({ rating, reviewCount }))(
        (await t.request({ method: 'GET', url: `/api/v1/instructors/${ins.id}` })).json(),
      ),
      history: (
        await t.request({
          method: 'GET',
          url: '/api/v1/bookings?as=instructor&scope=history',
          token: ins.token,
        })
      )
        .json()
        .items.map((b: { id: string; status: string; priceCents: number }) => [b.id, b.status, b.priceCents]),
    });
    const before = await instructorView();
    expect(before.history).toEqual([[past, 'completed', expect.any(Number)]]);

    expect((await del(me.token, TEST_PASSWORD)).statusCode).toBe(200);

    expect(await tablesHolding(me.email)).toEqual([]);
    expect(await tablesHolding('Quentin')).toEqual([]);
    expect(await tablesHolding('Vanish')).toEqual([]);
    // The id survives only where a record points at the account (now "Deleted user"); users.email is
    // the placeholder deleted-<id>@deleted.invalid.
    expect(await columnsHoldingId(me.id)).toEqual([
      'bookings.student_id',
      'conversation_participants.user_id',
      'conversations.student_id',
      'messages.sender_id',
      'reviews.reviewer_id',
      'sessions.user_id',
      'user_event_counters.user_id',
      'user_roles.user_id',
      'users.email',
      'users.id',
      'users.status_changed_by',
    ]);
    const after = await instructorView();
    // The upcoming lesson moved to cancelled (free); completed lessons and earnings did not move.
    expect(after.stats).toEqual({
      ...before.stats,
      upcoming: before.stats.upcoming - 1,
      cancelled: before.stats.cancelled + 1,
    });
    expect(after.profile).toEqual(before.profile);
    expect(after.history).toEqual(expect.arrayContaining(before.history));
  });
});
