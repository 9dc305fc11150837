import type { Database } from '../../db/client.js';

/** Read-only figures about the database itself, for the operations page. */

export async function serverVersion(database: Database): Promise<string> {
  const rows = await database.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  return rows[0]?.v ?? 'unknown';
}

export async function databaseSizeBytes(database: Database): Promise<number> {
  const rows = await database.query<{ n: string }>('SELECT pg_database_size(current_database())::text AS n');
  return Number(rows[0]?.n ?? 0);
}

/** Every table of the app's schema, largest first; row counts are the planner's live estimate. */
export async function tableSizes(database: Database) {
  const rows = await database.query<{ name: string; rows: string; bytes: string }>(
    `SELECT relname AS name, n_live_tup::text AS rows, pg_total_relation_size(relid)::text AS bytes
       FROM pg_stat_user_tables
      WHERE schemaname = 'public'
      ORDER BY pg_total_relation_size(relid) DESC, relname`,
  );
  return rows.map((r) => ({ name: r.name, rows: Number(r.rows), bytes: Number(r.bytes) }));
}

export async function latestMigration(database: Database): Promise<string | null> {
  try {
    const rows = await database.query<{ at: string }>(
      'SELECT created_at::text AS at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1',
    );
    return rows[0] ? new Date(Number(rows[0].at)).toISOString() : null;
  } catch {
    return null;
  }
}

/** The slowest statements by mean time, or null when pg_stat_statements is not installed here. */
export async function slowestStatements(database: Database, limit = 10) {
  const ext = await database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'pg_stat_statements'",
  );
  if (!ext[0]?.n) return null;
  try {
    const rows = await database.query<{ query: string; calls: string; mean: number; total: number }>(
      `SELECT query, calls::text AS calls, mean_exec_time AS mean, total_exec_time AS total
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
        ORDER BY mean_exec_time DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      query: r.query.slice(0, 500),
      calls: Number(r.calls),
      meanMs: Number(r.mean),
      totalMs: Number(r.total),
    }));
  } catch {
    // Installed but not preloaded (shared_preload_libraries): the view refuses to answer.
    return null;
  }
}
