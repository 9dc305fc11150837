import { eq, inArray, sql } from 'drizzle-orm';
import type { EmailCategory, EmailPreferences } from '../../../contracts/accounts.js';
import type { Db } from '../../db/client.js';
import { emailPreferences } from '../../db/schema/index.js';

const DEFAULTS: EmailPreferences = { newMessages: true, lessonReminders: true };

/** A person's preferences; no row means the defaults (everything on). */
export async function preferencesOf(db: Db, userId: string): Promise<EmailPreferences> {
  const [row] = await db
    .select({ newMessages: emailPreferences.newMessages, lessonReminders: emailPreferences.lessonReminders })
    .from(emailPreferences)
    .where(eq(emailPreferences.userId, userId));
  return row ?? DEFAULTS;
}

/** Writes the given preferences (the others keep their value) and returns the result. */
export async function savePreferences(
  db: Db,
  userId: string,
  change: Partial<EmailPreferences>,
  at: Date,
): Promise<EmailPreferences> {
  const [row] = await db
    .insert(emailPreferences)
    .values({ userId, ...DEFAULTS, ...change, updatedAt: at })
    .onConflictDoUpdate({
      target: emailPreferences.userId,
      set: { ...change, updatedAt: sql`excluded.updated_at` },
    })
    .returning({
      newMessages: emailPreferences.newMessages,
      lessonReminders: emailPreferences.lessonReminders,
    });
  return row!;
}

/** Of `userIds`, those who want emails of `category` (read inside the transaction that queues them). */
export async function wantingEmail(db: Db, userIds: string[], category: EmailCategory): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const rows = await db
    .select({ userId: emailPreferences.userId, on: emailPreferences[category] })
    .from(emailPreferences)
    .where(inArray(emailPreferences.userId, userIds));
  const declined = new Set(rows.filter((r) => !r.on).map((r) => r.userId));
  return new Set(userIds.filter((id) => !declined.has(id)));
}
