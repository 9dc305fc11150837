import type { Db } from '../../db/client.js';
import { instructorProfiles } from '../../db/schema/index.js';

/** An instructor account always has a profile row to edit, created empty with the account's zone. */
export async function createInstructorProfileIfMissing(
  db: Db,
  userId: string,
  timezone: string,
): Promise<void> {
  await db.insert(instructorProfiles).values({ userId, timezone }).onConflictDoNothing();
}
