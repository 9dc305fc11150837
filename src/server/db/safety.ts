import type { Config } from '../config.js';
import type { Database } from './client.js';
import { maintenanceLog } from './schema/index.js';

export class DestructiveRefused extends Error {}

/** Where the app points, said plainly before anything destructive happens. */
export function describeTarget(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}/pgdata (tier ${config.dbTier})`;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname} (tier ${config.dbTier})`;
}

/**
 * Destructive commands (reset, seed) refuse a production database unless the operator names
 * it explicitly: `--confirm-production=<database name>`. Staging needs `--yes`.
 */
export function assertDestructiveAllowed(config: Config, command: string, argv: string[]): void {
  const dbName = config.databaseUrl ? new URL(config.databaseUrl).pathname.slice(1) : 'embedded';
  if (config.dbTier === 'production' && !argv.includes(`--confirm-production=${dbName}`)) {
    throw new DestructiveRefused(
      `${command} refused: ${describeTarget(config)} is production. Re-run with --confirm-production=${dbName} if you really mean it.`,
    );
  }
  if (
    config.dbTier === 'staging' &&
    !argv.includes('--yes') &&
    !argv.some((a) => a.startsWith('--confirm-production='))
  ) {
    throw new DestructiveRefused(
      `${command} refused: ${describeTarget(config)} is staging. Re-run with --yes.`,
    );
  }
}

export async function recordMaintenance(database: Database, config: Config, command: string, detail: string) {
  await database.db.insert(maintenanceLog).values({ command, tier: config.dbTier, detail });
}

/** Drops every table, then the app's own start-up brings the schema back. */
export async function dropEverything(database: Database): Promise<void> {
  await database.query('DROP SCHEMA IF EXISTS drizzle CASCADE');
  await database.query('DROP SCHEMA IF EXISTS public CASCADE');
  await database.query('CREATE SCHEMA public');
}
