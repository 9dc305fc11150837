import { eq, sql } from 'drizzle-orm';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { searchEvents, searchInteractions } from '../../db/schema/index.js';

export type SearchEventRow = typeof searchEvents.$inferInsert & { id: string };
export type SearchInteractionRow = typeof searchInteractions.$inferInsert;

/** Who ran a search event (a user, a guest, or nobody); undefined when there is no such event. */
export async function searchEventOwner(
  db: Db,
  id: string,
): Promise<{ userId: string | null; guestSessionId: string | null } | undefined> {
  const [row] = await db
    .select({ userId: searchEvents.userId, guestSessionId: searchEvents.guestSessionId })
    .from(searchEvents)
    .where(eq(searchEvents.id, id));
  return row;
}

export async function insertSearchEvents(db: Db, rows: SearchEventRow[]): Promise<void> {
  await bulkInsert(db, searchEvents, rows);
}

export async function insertSearchInteractions(db: Db, rows: SearchInteractionRow[]): Promise<void> {
  await bulkInsert(db, searchInteractions, rows);
}

/** Which of these users and guests searched before: user ids, and guest ids as `g:<id>`. */
export async function searchersSeenBefore(
  db: Db,
  userIds: string[],
  guestIds: string[],
): Promise<Set<string>> {
  if (!userIds.length && !guestIds.length) return new Set();
  // One index probe per searcher, never a scan of all their events.
  const rows = await rowsOf<{ k: string }>(
    db,
    sql`SELECT u::text AS k FROM unnest(${`{${userIds.join(',')}}`}::uuid[]) AS u
        WHERE EXISTS (SELECT 1 FROM search_events e WHERE e.user_id = u)
        UNION ALL
        SELECT 'g:' || g FROM unnest(${`{${guestIds.map((g) => `"${g}"`).join(',')}}`}::text[]) AS g
        WHERE EXISTS (SELECT 1 FROM search_events e WHERE e.guest_session_id = g AND e.user_id IS NULL)`,
  );
  return new Set(rows.map((r) => r.k));
}
