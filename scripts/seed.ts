// npm run seed — load the demo marketplace into an empty database (add --reset to empty it first).
// Refused on production whatever the flags; staging needs --yes. Logs what it did.
import { pino } from 'pino';
import { loadConfig } from '../src/server/config.js';
import { openPglite, openPostgres } from '../src/server/db/client.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import {
  DestructiveRefused,
  assertDestructiveAllowed,
  describeTarget,
  dropEverything,
} from '../src/server/db/safety.js';
import { databaseIsEmpty } from '../src/server/db/seed/demo-seed.js';
import { seedDemoIfEmpty } from '../src/server/db/seed/seed-demo-if-empty.js';
import { systemClock } from '../src/server/platform/clock.js';

const config = { ...loadConfig(), seedDemo: true };
const argv = process.argv.slice(2);
if (config.dbTier === 'production') {
  console.error(`seed refused: ${describeTarget(config)} is production; demo data never goes there.`);
  process.exit(2);
}
try {
  assertDestructiveAllowed(config, 'seed', argv);
} catch (err) {
  if (err instanceof DestructiveRefused) {
    console.error(err.message);
    process.exit(2);
  }
  throw err;
}
const database = config.databaseUrl
  ? openPostgres(config.databaseUrl, 2)
  : await openPglite(`${config.dataDir}/pgdata`);
if (argv.includes('--reset')) {
  console.log(`seed: --reset drops everything in ${describeTarget(config)}`);
  await dropEverything(database);
}
await prepareDatabase(database);
if (!(await databaseIsEmpty(database.db))) {
  console.error('seed: the database already has accounts; run with --reset to start over.');
  process.exit(1);
}
await seedDemoIfEmpty(database, config, systemClock, pino());
console.log(`seed: demo marketplace loaded into ${describeTarget(config)}`);
await database.close();
