import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

export interface SavedRow {
  instructorId: string;
  savedAt: Date;
}

export type SaveOutcome = 'saved' | 'already_saved' | 'full';

/**
 * Saves one instructor for one person, at most `max` per person. The person's users row is locked
 * for the transaction, so concurrent saves by the same person count one after the other (the cap
 * holds) and a repeat finds the row the first one wrote.
 */
export async function saveWithinCap(
  db: Db,
  userId: string,
  instructorId: string,
  max: number,
  at: Date,
): Promise<SaveOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM users WHERE id = ${userId} FOR UPDATE`);
    const [row] = await rowsOf<{ mine: boolean; n: number }>(
      tx,
      sql`SELECT bool_or(instructor_id = ${instructorId}) AS mine, count(*)::int AS n
          FROM saved_instructors WHERE user_id = ${userId}`,
    );
    if (row?.mine) return 'already_saved';
    if ((row?.n ?? 0) >= max) return 'full';
    await tx.execute(
      sql`INSERT INTO saved_instructors (user_id, instructor_id, saved_at)
          VALUES (${userId}, ${instructorId}, ${at.toISOString()}::timestamptz)
          ON CONFLICT (user_id, instructor_id) DO NOTHING`,
    );
    return 'saved';
  });
}

export async function unsave(db: Db, userId: string, instructorId: string): Promise<void> {
  await db.execute(
    sql`DELETE FROM saved_instructors WHERE user_id = ${userId} AND instructor_id = ${instructorId}`,
  );
}

/** The person's saved instructors, most recently saved first. */
export async function savedBy(db: Db, userId: string): Promise<SavedRow[]> {
  const rows = await rowsOf<{ instructorId: string; savedAt: string | Date }>(
    db,
    sql`SELECT instructor_id AS "instructorId", saved_at AS "savedAt" FROM saved_instructors
        WHERE user_id = ${userId} ORDER BY saved_at DESC, instructor_id`,
  );
  return rows.map((r) => ({ instructorId: r.instructorId, savedAt: new Date(r.savedAt) }));
}

/** The ids of the person's saved instructors whose account is active, most recently saved first. */
export async function activeSavedIds(db: Db, userId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`SELECT si.instructor_id AS id FROM saved_instructors si JOIN users u ON u.id = si.instructor_id
        WHERE si.user_id = ${userId} AND u.account_status = 'active'
        ORDER BY si.saved_at DESC, si.instructor_id`,
  );
  return rows.map((r) => r.id);
}
