import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { instructorProfiles } from '../../db/schema/index.js';

/** The instructor's current photo key; undefined when they have no instructor profile. */
export async function photoKeyOf(
  db: Db,
  instructorId: string,
): Promise<{ photoKey: string | null } | undefined> {
  const [row] = await db
    .select({ photoKey: instructorProfiles.photoKey })
    .from(instructorProfiles)
    .where(eq(instructorProfiles.userId, instructorId));
  return row;
}

/** Points the profile at a new photo (or none) and answers the key it replaced. */
export async function replacePhotoKey(db: Db, instructorId: string, photoKey: string | null) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ photoKey: instructorProfiles.photoKey })
      .from(instructorProfiles)
      .where(eq(instructorProfiles.userId, instructorId))
      .for('update');
    if (!before) return undefined;
    await tx
      .update(instructorProfiles)
      .set({ photoKey, updatedAt: sql`now()` })
      .where(eq(instructorProfiles.userId, instructorId));
    return { previous: before.photoKey };
  });
}

/** Whether any profile still points at the key (two uploads of the same file by one instructor). */
export async function isPhotoKeyInUse(db: Db, photoKey: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(instructorProfiles)
    .where(eq(instructorProfiles.photoKey, photoKey))
    .limit(1);
  return !!row;
}
