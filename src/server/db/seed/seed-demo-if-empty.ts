import type { Logger } from 'pino';
import type { Config } from '../../config.js';
import { PasswordHasher } from '../../platform/auth/password.js';
import type { Clock } from '../../platform/clock.js';
import type { Database } from '../client.js';
import { recordMaintenance } from '../safety.js';
import { DEMO_PASSWORD, databaseIsEmpty, seedDemo } from './demo-seed.js';

/** First embedded start: an empty database gets the demo marketplace. Never on production. */
export async function seedDemoIfEmpty(
  database: Database,
  config: Config,
  clock: Clock,
  log: Logger,
): Promise<boolean> {
  if (!config.seedDemo) return false;
  if (config.dbTier === 'production') {
    log.warn('SEED_DEMO ignored: demo data is never loaded into a production database');
    return false;
  }
  if (!(await databaseIsEmpty(database.db))) return false;
  const started = Date.now();
  const hash = await new PasswordHasher(config.fastHashing).hash(DEMO_PASSWORD);
  const result = await seedDemo(database.db, clock.now(), hash);
  await recordMaintenance(database, config, 'seed:demo', JSON.stringify(result));
  log.info({ ...result, ms: Date.now() - started }, 'demo marketplace seeded');
  return true;
}
