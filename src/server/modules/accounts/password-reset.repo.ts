import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { passwordResetTokens } from '../../db/schema/index.js';

export async function insertResetToken(
  db: Db,
  t: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResetTokens).values(t);
}

/** Unused and unexpired at `now`: the owner of a token that can still be spent. */
export async function findLiveResetTokenOwner(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: passwordResetTokens.userId })
    .from(passwordResetTokens)
    .where(live(tokenHash, now));
  return row?.userId;
}

/** Marks a live token used in one statement, so only one of two racing confirms gets its owner. */
export async function spendResetToken(db: Db, tokenHash: string, now: Date): Promise<string | undefined> {
  const [spent] = await db
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(live(tokenHash, now))
    .returning({ userId: passwordResetTokens.userId });
  return spent?.userId;
}

export async function spendAllResetTokensOf(db: Db, userId: string): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

const live = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResetTokens.tokenHash, tokenHash),
    isNull(passwordResetTokens.usedAt),
    gt(passwordResetTokens.expiresAt, now),
  );
