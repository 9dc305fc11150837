// npm run db:reset — drop everything, migrate, load permissions and the catalog (and the demo
// data when SEED_DEMO is on). Refuses production unless confirmed; logs what it did.
import { loadConfig } from '../src/server/config.js';
import { openPglite, openPostgres } from '../src/server/db/client.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import {
  assertDestructiveAllowed,
  describeTarget,
  dropEverything,
  recordMaintenance,
  DestructiveRefused,
} from '../src/server/db/safety.js';

const config = loadConfig();
const argv = process.argv.slice(2);
try {
  assertDestructiveAllowed(config, 'db:reset', argv);
} catch (err) {
  if (err instanceof DestructiveRefused) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
const target = describeTarget(config);
console.log(`db:reset: dropping everything in ${target}`);
const database = config.databaseUrl
  ? openPostgres(config.databaseUrl, 2)
  : await openPglite(`${config.dataDir}/pgdata`);
await dropEverything(database);
await prepareDatabase(database);
await recordMaintenance(database, config, 'db:reset', `dropped and re-created ${target}`);
console.log('db:reset: schema migrated, permissions and catalog loaded');
await database.close();
