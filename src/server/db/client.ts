import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';
import { StatementCache, prepareRepeatedStatements } from './statement-cache.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DriverName = 'pglite' | 'pg';

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface Database {
  db: Db;
  driver: DriverName;
  /** Raw SQL for maintenance and the rare query Drizzle cannot express. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  poolStats(): PoolStats;
  close(): Promise<void>;
  /** Set for the PostgreSQL driver only (migration lock). */
  pool?: pg.Pool;
  /**
   * PostgreSQL only: a connection of its own, outside the pool (a LISTEN holds it for good, so it
   * must not take a pool slot); `close()` ends it with the pool, so closing never waits on it.
   */
  dedicatedClient?(): Promise<pg.Client>;
  /** Set for the embedded driver only (dumps for test templates). */
  pglite?: PGlite;
}

export const pgliteExtensions = { btree_gist, pg_trgm };

/** Rows of a `db.execute(sql...)` call: both drivers answer `{ rows }`. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite: client,
    async query<T>(text: string, params: unknown[] = []) {
      const res = await client.query<T>(text, params);
      return res.rows;
    },
    // One embedded connection; PGlite serialises statements itself.
    poolStats: () => ({ total: 1, idle: 1, waiting: 0, max: 1 }),
    close: () => client.close(),
  };
}

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, loadDataDir, extensions: pgliteExtensions });
  return wrapPglite(client);
}

export function openPostgres(url: string, max = 10, prepareThreshold = 3): Database {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const statements = new StatementCache(prepareThreshold);
  pool.on('connect', (client) => prepareRepeatedStatements(client, statements));
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  const dedicated = new Set<pg.Client>();
  let closed = false;
  return {
    db,
    driver: 'pg',
    pool,
    async dedicatedClient() {
      if (closed) throw new Error('the database is closed');
      const client = new pg.Client({ connectionString: url });
      client.on('end', () => dedicated.delete(client));
      dedicated.add(client);
      try {
        await client.connect();
      } catch (err) {
        dedicated.delete(client);
        throw err;
      }
      return client;
    },
    async query<T>(text: string, params: unknown[] = []) {
      const res = await pool.query(text, params);
      return res.rows as T[];
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
    async close() {
      closed = true;
      await Promise.all([...dedicated].map((c) => c.end().catch(() => {})));
      await pool.end();
    },
  };
}
