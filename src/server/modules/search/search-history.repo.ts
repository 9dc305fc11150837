import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { searchHistory } from '../../db/schema/index.js';

export type SearchOwner =
  { userId: string; guestSessionId?: undefined } | { userId?: undefined; guestSessionId: string };

/** History rows are deduplicated on this: lower-cased, trimmed, inner whitespace collapsed. */
export const normalizeQuery = (q: string) => q.trim().toLowerCase().replace(/\s+/g, ' ');

export const HISTORY_CAP = 100;

/**
 * One atomic statement per search: a repeat bumps the count and brings a soft-deleted row back,
 * so concurrent identical searches can never create two rows.
 */
export async function upsertHistory(
  db: Db,
  owner: SearchOwner,
  e: { query: string; searchType: string; resultCount: number; at: Date },
): Promise<void> {
  const normalized = normalizeQuery(e.query);
  const target = owner.userId
    ? { target: [searchHistory.userId, searchHistory.normalizedQuery], targetWhere: sql`user_id IS NOT NULL` }
    : {
        target: [searchHistory.guestSessionId, searchHistory.normalizedQuery],
        targetWhere: sql`guest_session_id IS NOT NULL`,
      };
  await db
    .insert(searchHistory)
    .values({
      userId: owner.userId ?? null,
      guestSessionId: owner.guestSessionId ?? null,
      query: e.query.trim(),
      normalizedQuery: normalized,
      searchType: e.searchType,
      resultCount: e.resultCount,
      firstSearchedAt: e.at,
      lastSearchedAt: e.at,
    })
    .onConflictDoUpdate({
      ...target,
      set: {
        searchCount: sql`${searchHistory.searchCount} + 1`,
        query: sql`excluded.query`,
        searchType: sql`excluded.search_type`,
        resultCount: sql`excluded.result_count`,
        lastSearchedAt: sql`greatest(${searchHistory.lastSearchedAt}, excluded.last_searched_at)`,
        deletedAt: null,
      },
    });
}

/** Keeps the newest HISTORY_CAP rows of an owner. */
export async function trimHistory(db: Db, owner: SearchOwner): Promise<void> {
  const col = owner.userId ? sql`user_id` : sql`guest_session_id`;
  const id = owner.userId ?? owner.guestSessionId;
  await db.execute(sql`
    DELETE FROM search_history WHERE id IN (
      SELECT id FROM search_history WHERE ${col} = ${id}
      ORDER BY last_searched_at DESC OFFSET ${HISTORY_CAP})`);
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
