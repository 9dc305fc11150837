import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { MODULE_JOBS } from '../../module-jobs.js';
import { ManualClock } from '../../platform/clock.js';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { RETENTION_JOB } from './privacy-jobs.js';
import { runRetention } from './retention.js';

const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const DAY = 86_400_000;
const ago = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY + extraMs).toISOString();
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: new ManualClock(NOW) });
});
afterAll(() => t.close());

const exec = (q: ReturnType<typeof sql>) => t.deps.db.execute(q);
const event = async (createdAt: string, guest: string | null, userId: string | null = null) => {
  const id = randomUUID();
  await exec(sql`INSERT INTO search_events (id, user_id, guest_session_id, session_id, ip_hash, query, normalized_query,
                   search_type, result_count, created_at)
                 VALUES (${id}, ${userId}, ${guest}, ${guest && `s-${guest}`}, ${guest && 'iphash'}, 'piano', 'piano',
                   'natural_language', 3, ${createdAt}::timestamptz)`);
  return id;
};
const history = async (o: {
  userId?: string;
  guest?: string;
  q: string;
  last: string;
  deletedAt?: string;
  convertedAt?: string;
}) => {
  const id = randomUUID();
  await exec(sql`INSERT INTO search_history (id, user_id, guest_session_id, query, normalized_query, search_type,
                   first_searched_at, last_searched_at, deleted_at, converted_at)
                 VALUES (${id}, ${o.userId ?? null}, ${o.guest ?? null}, ${o.q}, ${o.q}, 'natural_language',
                   ${o.last}::timestamptz, ${o.last}::timestamptz, ${o.deletedAt ?? null}::timestamptz,
                   ${o.convertedAt ?? null}::timestamptz)`);
  return id;
};
const exists = async (table: string, id: string) =>
  (
    await rowsOf<{ n: number }>(
      t.deps.db,
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE id = ${id}`,
    )
  )[0]!.n === 1;

describe('the retention job', () => {
  it('is registered with a daily schedule', () => {
    const privacy = MODULE_JOBS.find((m) => m.schedules.some((s) => s.job === RETENTION_JOB));
    expect(privacy?.schedules).toEqual([
      { id: 'privacy-retention', job: RETENTION_JOB, pattern: '41 3 * * *' },
    ]);
    expect(privacy!.jobs(t.deps).map((j) => j.name)).toEqual([RETENTION_JOB]);
  });

  it('deletes exactly what is past each period, keeps what is one step inside it, and logs the counts', async () => {
    const u = await t.user();
    // Search events: 396 days by default.
    const oldEvent = await event(ago(396, -60_000), null, u.id);
    const keptEvent = await event(ago(396, 60_000), null, u.id);
    // Deleted history: 90 days after the deletion; undeleted history is never purged by age.
    const oldDeleted = await history({ userId: u.id, q: 'a', last: ago(200), deletedAt: ago(90, -60_000) });
    const keptDeleted = await history({ userId: u.id, q: 'b', last: ago(200), deletedAt: ago(90, 60_000) });
    const keptLive = await history({ userId: u.id, q: 'c', last: ago(300) });
    // Guests: 120 days; a guest who signed up keeps their rows (conversion report).
    const oldGuest = await history({ guest: 'g-old', q: 'd', last: ago(120, -60_000) });
    const keptGuest = await history({ guest: 'g-new', q: 'e', last: ago(120, 60_000) });
    const convertedGuest = await history({ guest: 'g-conv', q: 'f', last: ago(200), convertedAt: ago(199) });
    const oldGuestEvent = await event(ago(120, -60_000), 'g-old');
    const newGuestEvent = await event(ago(120, 60_000), 'g-new');
    const convertedGuestEvent = await event(ago(150), 'g-conv');
    // Sessions and reset tokens: once expired.
    const sessionGone = randomUUID();
    const sessionKept = randomUUID();
    for (const [id, expires] of [
      [sessionGone, ago(0, -60_000)],
      [sessionKept, ago(0, 60_000)],
    ] as const)
      await exec(sql`INSERT INTO sessions (id, user_id, token_hash, expires_at)
                     VALUES (${id}, ${u.id}, ${`h-${id}`}, ${expires}::timestamptz)`);
    const tokenGone = randomUUID();
    const tokenKept = randomUUID();
    for (const [id, expires] of [
      [tokenGone, ago(0, -60_000)],
      [tokenKept, ago(0, 60_000)],
    ] as const)
      await exec(sql`INSERT INTO password_reset_tokens (id, user_id, token_hash, expires_at)
                     VALUES (${id}, ${u.id}, ${`r-${id}`}, ${expires}::timestamptz)`);
    const linkGone = randomUUID();
    const linkKept = randomUUID();
    for (const [id, expires] of [
      [linkGone, ago(0, -60_000)],
      [linkKept, ago(0, 60_000)],
    ] as const)
      await exec(sql`INSERT INTO email_verification_tokens (id, user_id, token_hash, expires_at)
                     VALUES (${id}, ${u.id}, ${`v-${id}`}, ${expires}::timestamptz)`);

    const counts = await runRetention(t.deps);
    expect(counts).toEqual({
      searchEvents: 1,
      deletedHistory: 1,
      guestHistory: 1,
      guestEventsUnlinked: 1,
      guestInteractionsUnlinked: 0,
      sessions: 1,
      resetTokens: 1,
      verificationTokens: 1,
    });

    expect([await exists('search_events', oldEvent), await exists('search_events', keptEvent)]).toEqual([
      false,
      true,
    ]);
    expect([
      await exists('search_history', oldDeleted),
      await exists('search_history', keptDeleted),
      await exists('search_history', keptLive),
      await exists('search_history', oldGuest),
      await exists('search_history', keptGuest),
      await exists('search_history', convertedGuest),
    ]).toEqual([false, true, true, false, true, true]);
    const guests = await rowsOf<{
      id: string;
      guest_session_id: string | null;
      session_id: string | null;
      ip_hash: string | null;
    }>(
      t.deps.db,
      sql`SELECT id, guest_session_id, session_id, ip_hash FROM search_events
          WHERE id IN (${oldGuestEvent}, ${newGuestEvent}, ${convertedGuestEvent}) ORDER BY created_at`,
    );
    expect(guests).toEqual([
      { id: convertedGuestEvent, guest_session_id: 'g-conv', session_id: 's-g-conv', ip_hash: 'iphash' },
      { id: oldGuestEvent, guest_session_id: null, session_id: null, ip_hash: null },
      { id: newGuestEvent, guest_session_id: 'g-new', session_id: 's-g-new', ip_hash: 'iphash' },
    ]);
    expect([await exists('sessions', sessionGone), await exists('sessions', sessionKept)]).toEqual([
      false,
      true,
    ]);
    expect([
      await exists('password_reset_tokens', tokenGone),
      await exists('password_reset_tokens', tokenKept),
    ]).toEqual([false, true]);
    expect([
      await exists('email_verification_tokens', linkGone),
      await exists('email_verification_tokens', linkKept),
    ]).toEqual([false, true]);

    const [logged] = await rowsOf<{ tier: string; detail: string }>(
      t.deps.db,
      sql`SELECT tier, detail FROM maintenance_log WHERE command = 'privacy.retention' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(logged!.tier).toBe('test');
    expect(JSON.parse(logged!.detail)).toMatchObject({
      ...counts,
      periods: { searchEventsDays: 396, deletedHistoryDays: 90, guestDataDays: 120 },
    });

    // A second run finds nothing more.
    expect(Object.values(await runRetention(t.deps))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
