import { and, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

export type UserRow = typeof users.$inferSelect;
export type AccountStatus = 'active' | 'suspended' | 'deactivated';

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return u;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

/** Returns undefined when the email is taken (unique index), instead of throwing. */
export async function insertUser(
  db: Db,
  u: { email: string; passwordHash: string; fullName: string; timezone: string },
): Promise<UserRow | undefined> {
  const [row] = await db.insert(users).values(u).onConflictDoNothing().returning();
  return row;
}

export async function updateUserProfile(db: Db, id: string, patch: { fullName?: string; timezone?: string }) {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export async function updatePasswordHash(db: Db, id: string, passwordHash: string): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, updatedAt: sql`now()` })
    .where(eq(users.id, id));
}

/**
 * Sets the status and who set it. `selfService` changes apply only while the account is active
 * or its current status was set by the person themselves: what an admin set, only an admin lifts.
 */
export async function setAccountStatus(
  db: Db,
  id: string,
  status: AccountStatus,
  changedBy: string,
  reason: string | null = null,
  selfService = false,
) {
  const own = selfService
    ? or(eq(users.accountStatus, 'active'), eq(users.statusChangedBy, changedBy))
    : undefined;
  const [row] = await db
    .update(users)
    .set({
      accountStatus: status,
      statusChangedBy: changedBy,
      statusReason: reason,
      statusChangedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(users.id, id), own))
    .returning();
  return row;
}

export async function searchUsers(
  db: Db,
  f: { q?: string; role?: string; status?: AccountStatus; limit: number; offset: number },
): Promise<{ rows: (UserRow & { roles: string[] })[]; total: number }> {
  const where = and(
    f.q ? or(ilike(users.email, like(f.q)), ilike(users.fullName, like(f.q))) : undefined,
    f.status ? eq(users.accountStatus, f.status) : undefined,
    f.role
      ? sql`exists (select 1 from user_roles ur join roles r on r.id = ur.role_id
                    where ur.user_id = users.id and r.name = ${f.role})`
      : undefined,
  );
  const [rows, [totalRow]] = await Promise.all([
    db
      .select({
        user: users,
        // Spelled out: inside the subquery Drizzle would render users.id as a bare, ambiguous "id".
        roles: sql<string[]>`coalesce((select array_agg(r.name order by r.name) from user_roles ur
                  join roles r on r.id = ur.role_id where ur.user_id = users.id), '{}')`,
      })
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.id)
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.user, roles: r.roles })), total: totalRow?.n ?? 0 };
}

/** A user's text inside a LIKE pattern must match literally. */
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
