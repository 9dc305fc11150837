import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import type { AuthUser } from './auth-context.js';

export async function createSession(
  db: Db,
  s: { userId: string; tokenHash: string; expiresAt: Date; userAgent?: string; ipHash?: string },
): Promise<string> {
  const [row] = await db
    .insert(sessions)
    .values({ ...s, userAgent: s.userAgent?.slice(0, 500) })
    .returning({ id: sessions.id });
  return row!.id;
}

export interface LiveSession {
  sessionId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  user: AuthUser;
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<LiveSession | null> {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      timezone: users.timezone,
      accountStatus: users.accountStatus,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const { sessionId, expiresAt, revokedAt, ...user } = row;
  return { sessionId, expiresAt, revokedAt, user: user as AuthUser };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every live session of a user, optionally keeping the one making the request. */
export async function revokeUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
      ),
    );
}
