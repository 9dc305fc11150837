import { eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { dataVersions } from './schema/index.js';

/** The hash of the reviewed data file (catalog, areas) last loaded under `name`. */
export async function loadedDataHash(db: Db, name: string): Promise<string | undefined> {
  const [current] = await db.select().from(dataVersions).where(eq(dataVersions.name, name));
  return current?.hash;
}

export async function recordDataLoaded(db: Db, name: string, hash: string): Promise<void> {
  await db
    .insert(dataVersions)
    .values({ name, hash })
    .onConflictDoUpdate({ target: dataVersions.name, set: { hash, loadedAt: sql`now()` } });
}
