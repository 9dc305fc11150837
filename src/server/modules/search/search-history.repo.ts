import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { searchHistory } from '../../db/schema/index.js';

export type SearchOwner =
  { userId: string; guestSessionId?: undefined } | { userId?: undefined; guestSessionId: string };

/** History rows are deduplicated on this: lower-cased, trimmed, inner whitespace collapsed. */
export const normalizeQuery = (q: string) => q.trim().toLowerCase().replace(/\s+/g, ' ');

export const HISTORY_CAP = 100;

export interface HistoryEntry {
  owner: SearchOwner;
  query: string;
  searchType: string;
  resultCount: number;
  at: Date;
}

/**
 * Records searches in history: one UPSERT per kind of owner for the whole batch, so concurrent
 * identical searches never create two rows; a repeat bumps the count and brings a soft-deleted row
 * back. Repeats inside the batch are merged first (one statement may not touch a row twice).
 * Answers the owners that gained a row: only they can have grown past the cap.
 */
export async function upsertHistory(db: Db, entries: HistoryEntry[]): Promise<SearchOwner[]> {
  const merged = new Map<string, { owner: SearchOwner; count: number; first: Date; last: HistoryEntry }>();
  for (const e of entries) {
    const key = `${ownerKey(e.owner)} ${normalizeQuery(e.query)}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { owner: e.owner, count: 1, first: e.at, last: e });
    else {
      m.count += 1;
      if (e.at < m.first) m.first = e.at;
      if (e.at >= m.last.at) m.last = e;
    }
  }
  const rows = (byUser: boolean) =>
    [...merged.values()]
      .filter((m) => Boolean(m.owner.userId) === byUser)
      .map((m) => ({
        owner_id: m.owner.userId ?? m.owner.guestSessionId,
        query: m.last.query.trim(),
        normalized_query: normalizeQuery(m.last.query),
        search_type: m.last.searchType,
        search_count: m.count,
        result_count: m.last.resultCount,
        first_searched_at: m.first,
        last_searched_at: m.last.at,
      }));
  const grown: SearchOwner[] = [];
  for (const byUser of [true, false]) {
    const batch = rows(byUser);
    if (!batch.length) continue;
    const owner = sql.raw(byUser ? 'user_id' : 'guest_session_id');
    const ownerType = sql.raw(byUser ? 'uuid' : 'text');
    const inserted = await rowsOf<{ owner: string }>(
      db,
      sql`
      INSERT INTO search_history (${owner}, query, normalized_query, search_type, search_count, result_count,
                                  first_searched_at, last_searched_at)
      SELECT owner_id, query, normalized_query, search_type, search_count, result_count,
             first_searched_at, last_searched_at
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS r(
        owner_id ${ownerType}, query text, normalized_query text, search_type text, search_count int,
        result_count int, first_searched_at timestamptz, last_searched_at timestamptz)
      ON CONFLICT (${owner}, normalized_query) WHERE ${owner} IS NOT NULL DO UPDATE SET
        search_count = search_history.search_count + excluded.search_count,
        query = excluded.query,
        search_type = excluded.search_type,
        result_count = excluded.result_count,
        last_searched_at = greatest(search_history.last_searched_at, excluded.last_searched_at),
        deleted_at = NULL
      RETURNING CASE WHEN xmax = 0 THEN ${owner}::text END AS owner`,
    );
    for (const id of new Set(inserted.flatMap((r) => (r.owner ? [r.owner] : []))))
      grown.push(byUser ? { userId: id } : { guestSessionId: id });
  }
  return grown;
}

const ownerKey = (o: SearchOwner) => o.userId ?? `g:${o.guestSessionId}`;

/** Keeps the newest HISTORY_CAP rows of each of these owners (one statement per kind of owner). */
export async function trimHistory(db: Db, owners: SearchOwner[]): Promise<void> {
  const users = [...new Set(owners.flatMap((o) => (o.userId ? [o.userId] : [])))];
  const guests = [...new Set(owners.flatMap((o) => (o.userId ? [] : [o.guestSessionId])))];
  for (const [col, ids, type] of [
    ['user_id', users, 'uuid'],
    ['guest_session_id', guests, 'text'],
  ] as const) {
    if (!ids.length) continue;
    const c = sql.raw(col);
    await db.execute(sql`
      DELETE FROM search_history WHERE id IN (
        SELECT id FROM (
          SELECT id, row_number() OVER (PARTITION BY ${c} ORDER BY last_searched_at DESC) AS n
          FROM search_history
          WHERE ${c} IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::${sql.raw(type)})
        ) ranked WHERE n > ${HISTORY_CAP})`);
  }
}

export async function recentHistory(db: Db, owner: SearchOwner, limit: number) {
  return db
    .select({
      id: searchHistory.id,
      query: searchHistory.query,
      searchType: searchHistory.searchType,
      searchCount: searchHistory.searchCount,
      resultCount: searchHistory.resultCount,
      lastSearchedAt: searchHistory.lastSearchedAt,
    })
    .from(searchHistory)
    .where(
      and(
        owner.userId
          ? eq(searchHistory.userId, owner.userId)
          : eq(searchHistory.guestSessionId, owner.guestSessionId!),
        isNull(searchHistory.deletedAt),
        isNull(searchHistory.convertedAt),
      ),
    )
    .orderBy(desc(searchHistory.lastSearchedAt), desc(searchHistory.id))
    .limit(limit);
}

/** Soft delete, only of the caller's own row; false when there was none (→ 404). */
export async function softDeleteHistory(db: Db, owner: SearchOwner, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(searchHistory)
    .set({ deletedAt: at })
    .where(
      and(
        eq(searchHistory.id, id),
        owner.userId
          ? eq(searchHistory.userId, owner.userId)
          : eq(searchHistory.guestSessionId, owner.guestSessionId!),
        isNull(searchHistory.deletedAt),
      ),
    )
    .returning({ id: searchHistory.id });
  return rows.length > 0;
}

/** A guest who signs up or logs in keeps their searches: merged into the account, duplicates summed. */
export async function moveGuestHistoryToUser(
  db: Db,
  guestSessionId: string,
  userId: string,
  at: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const moved = await rowsOf<{ n: number }>(
      tx,
      sql`
        WITH merged AS (
          INSERT INTO search_history (user_id, query, normalized_query, search_type, search_count, result_count,
                                      first_searched_at, last_searched_at)
          SELECT ${userId}, query, normalized_query, search_type, search_count, result_count,
                 first_searched_at, last_searched_at
          FROM search_history
          WHERE guest_session_id = ${guestSessionId} AND deleted_at IS NULL AND converted_at IS NULL
          ON CONFLICT (user_id, normalized_query) WHERE user_id IS NOT NULL DO UPDATE SET
            search_count = search_history.search_count + excluded.search_count,
            first_searched_at = least(search_history.first_searched_at, excluded.first_searched_at),
            last_searched_at = greatest(search_history.last_searched_at, excluded.last_searched_at),
            query = CASE WHEN excluded.last_searched_at > search_history.last_searched_at
                         THEN excluded.query ELSE search_history.query END,
            deleted_at = NULL
          RETURNING 1)
        SELECT count(*)::int AS n FROM merged`,
    );
    await tx
      .update(searchHistory)
      .set({ convertedAt: at })
      .where(and(eq(searchHistory.guestSessionId, guestSessionId), isNull(searchHistory.convertedAt)));
    await tx.execute(
      sql`UPDATE search_events SET user_id = ${userId} WHERE guest_session_id = ${guestSessionId} AND user_id IS NULL`,
    );
    return moved[0]?.n ?? 0;
  });
}
