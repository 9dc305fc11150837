import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

/** The one NOTIFY channel: `e:<user>:<id>` (new event), `s:<session>` and `a:<user>` (stream must end). */
export const EVENTS_CHANNEL = 'ii_events';

export interface NewEvent {
  userId: string;
  type: string;
  data: Record<string, unknown>;
}

export interface StoredEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

/**
 * Appends events inside the caller's transaction. Each user's counter row is locked (in user id
 * order, so two writers never deadlock) until the commit: ids of one user commit in order. The
 * NOTIFY carries ids only and is delivered on commit, never for a rolled-back change.
 */
export async function appendEvents(tx: Db, events: NewEvent[]): Promise<void> {
  if (!events.length) return;
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.userId, (counts.get(e.userId) ?? 0) + 1);
  const userIds = [...counts.keys()].sort();
  const list = sql.join(
    userIds.map((u) => sql`${u}::uuid`),
    sql`, `,
  );
  await tx.execute(sql`
    INSERT INTO user_event_counters (user_id)
    SELECT u FROM unnest(ARRAY[${list}]) AS u ORDER BY u
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`
    SELECT user_id FROM user_event_counters WHERE user_id IN (${list}) ORDER BY user_id FOR UPDATE`);
  // One statement per step, whatever the number of events: each user's counter moves by their count.
  const bumps = sql.join(
    userIds.map((u) => sql`(${u}::uuid, ${counts.get(u)!}::bigint)`),
    sql`, `,
  );
  const rows = await rowsOf<{ user_id: string; last_id: string }>(
    tx,
    sql`UPDATE user_event_counters c SET last_id = c.last_id + b.n
        FROM (VALUES ${bumps}) AS b(user_id, n) WHERE c.user_id = b.user_id
        RETURNING c.user_id, c.last_id`,
  );
  const next = new Map(rows.map((r) => [r.user_id, Number(r.last_id) - counts.get(r.user_id)!]));
  const stored = events.map((e) => {
    const id = next.get(e.userId)! + 1;
    next.set(e.userId, id);
    return { ...e, id };
  });
  await tx.execute(sql`
    INSERT INTO user_events (user_id, id, type, data) VALUES ${sql.join(
      stored.map((e) => sql`(${e.userId}, ${e.id}, ${e.type}, ${JSON.stringify(e.data)}::jsonb)`),
      sql`, `,
    )}`);
  await tx.execute(
    sql`SELECT ${sql.join(
      stored.map((e) => sql`pg_notify(${EVENTS_CHANNEL}, ${`e:${e.userId}:${e.id}`})`),
      sql`, `,
    )}`,
  );
}

export async function eventsAfter(db: Db, userId: string, afterId: number, limit: number) {
  const rows = await rowsOf<{ id: string; type: string; data: Record<string, unknown> }>(
    db,
    sql`SELECT id, type, data FROM user_events WHERE user_id = ${userId} AND id > ${afterId}
        ORDER BY id LIMIT ${limit}`,
  );
  return rows.map((r): StoredEvent => ({ id: Number(r.id), type: r.type, data: r.data }));
}

export async function lastEventIdOf(db: Db, userId: string): Promise<number> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`SELECT last_id AS id FROM user_event_counters WHERE user_id = ${userId}`,
  );
  return row ? Number(row.id) : 0;
}

// Stream times come from the app's clock, like the "since" they are compared with.
export async function recordStreamOpen(
  db: Db,
  s: { id: string; userId: string; sessionId: string },
  at: Date,
) {
  await db.execute(sql`
    INSERT INTO event_streams (id, user_id, session_id, opened_at, seen_at)
    VALUES (${s.id}, ${s.userId}, ${s.sessionId}, ${at.toISOString()}, ${at.toISOString()})`);
}

export async function recordStreamClosed(db: Db, id: string) {
  await db.execute(sql`DELETE FROM event_streams WHERE id = ${id}`);
}

export async function touchStreams(db: Db, ids: string[], at: Date) {
  if (!ids.length) return;
  const list = sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
  await db.execute(sql`UPDATE event_streams SET seen_at = ${at.toISOString()} WHERE id IN (${list})`);
}

/** True when the user has a stream seen since `since`, on any instance. */
export async function hasOpenStream(db: Db, userId: string, since: Date): Promise<boolean> {
  const rows = await rowsOf<{ one: number }>(
    db,
    sql`SELECT 1 AS one FROM event_streams WHERE user_id = ${userId} AND seen_at > ${since.toISOString()}
        LIMIT 1`,
  );
  return rows.length > 0;
}

/** Of these sessions, the ones that may still hold a stream (not revoked, expired or deactivated). */
export async function liveSessionIds(db: Db, sessionIds: string[], now: Date): Promise<Set<string>> {
  if (!sessionIds.length) return new Set();
  const list = sql.join(
    sessionIds.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id IN (${list}) AND s.revoked_at IS NULL AND s.expires_at > ${now.toISOString()}
          AND u.account_status <> 'deactivated'`,
  );
  return new Set(rows.map((r) => r.id));
}
