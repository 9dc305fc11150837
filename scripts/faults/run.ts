import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess, REPO_ROOT } from './harness/app-process.js';
import { createDatabase, databaseUrl, dropDatabase } from './harness/postgres.js';
import { TestRedisServer } from '../../src/server/platform/redis/test-redis-server.js';
import { freePort } from './harness/ports.js';
import { type ScenarioResult, Stage } from './harness/scenario.js';
import { SmtpSink } from './harness/smtp.js';
import { gracefulShutdown } from './scenarios/graceful-shutdown.js';
import { redisOutage } from './scenarios/redis-outage.js';
import { sigkillBooking } from './scenarios/sigkill-booking.js';
import { twoInstanceMessages } from './scenarios/two-instance-messages.js';
import { twoInstances } from './scenarios/two-instances.js';

/**
 * Fault suite: PostgreSQL (a database of its own per scenario), a redis-server of its own, an
 * SMTP sink, and the API as child processes that get killed. `npm run test:faults`.
 * FAULTS_ONLY=redis-outage,two-instances runs a subset.
 */
const SCENARIOS = [
  { name: 'redis-outage', run: redisOutage },
  { name: 'sigkill-booking', run: sigkillBooking },
  { name: 'two-instances', run: twoInstances },
  { name: 'two-instance-messages', run: twoInstanceMessages },
  { name: 'graceful-shutdown', run: gracefulShutdown },
];

const runId = `${process.pid}_${Date.now().toString(36)}`;
const tmpDir = mkdtempSync(join(tmpdir(), 'ii-faults-'));
const templateDb = `faults_${runId}_template`;
let smtp: SmtpSink | undefined;
let stage: Stage | undefined;

/** Migrated and seeded once by a real start of the app; each scenario clones it (seconds saved each). */
async function buildTemplate(): Promise<number> {
  await createDatabase(templateDb);
  const redis = await TestRedisServer.start();
  const app = new AppProcess(
    'template',
    await freePort(),
    {
      DATABASE_URL: databaseUrl(templateDb),
      REDIS_URL: redis.url,
      DATA_DIR: tmpDir,
    },
    join(tmpDir, 'template.log'),
  );
  try {
    const ms = await app.start(120_000);
    await app.stop(); // a clean stop: CREATE DATABASE ... TEMPLATE needs no open connections
    return ms;
  } finally {
    await app.signal('SIGKILL');
    app.close();
    await redis.kill();
  }
}

async function cleanup() {
  await stage?.teardown();
  await smtp?.stop().catch(() => undefined);
  await dropDatabase(templateDb).catch((e: Error) => console.error(`drop ${templateDb}: ${e.message}`));
}

function line(r: ScenarioResult): string {
  const f = r.figures as Record<string, unknown>;
  const pick = [
    'exitMs',
    'streamEndedMs',
    'requests',
    'failures',
    'faultsInjected',
    'rowsLost',
    'duplicated',
    'maxLeaseWaitMs',
  ]
    .filter((k) => f[k] !== undefined)
    .map((k) => `${k}=${f[k]}`)
    .join(' ');
  const failed = r.checks
    .filter((c) => !c.ok)
    .map((c) => `\n    ✗ ${c.name}: ${c.detail}`)
    .join('');
  return `${r.passed ? 'PASS' : 'FAIL'} ${r.name} (${(r.ms / 1000).toFixed(1)}s) ${pick}${r.error ? `\n    ✗ error: ${r.error}` : ''}${failed}`;
}

async function main(): Promise<number> {
  const started = Date.now();
  const only = process.env.FAULTS_ONLY?.split(',');
  smtp = new SmtpSink(await freePort());
  await smtp.start();
  const templateMs = await buildTemplate();
  console.log(`faults: template database migrated and seeded in ${templateMs} ms (logs in ${tmpDir})`);
  stage = new Stage(runId, tmpDir, templateDb, smtp);
  const results: ScenarioResult[] = [];
  for (const s of SCENARIOS.filter((s) => !only || only.includes(s.name))) {
    const t = Date.now();
    let r: ScenarioResult;
    try {
      r = { ...(await s.run(stage)), ms: Date.now() - t };
    } catch (err) {
      r = {
        name: s.name,
        passed: false,
        ms: Date.now() - t,
        figures: {},
        checks: [],
        error: (err as Error).stack ?? String(err),
      };
    } finally {
      await stage.teardown();
    }
    console.log(line(r));
    results.push(r);
  }
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  const outDir = join(REPO_ROOT, 'var', 'faults');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'last-run.json'),
    JSON.stringify(
      { at: new Date().toISOString(), ms: Date.now() - started, passed, failed, scenarios: results },
      null,
      2,
    ) + '\n',
  );
  console.log(
    `faults: ${passed} scenarios passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(0)}s; figures in var/faults/last-run.json)`,
  );
  return failed ? 1 : 0;
}

let exiting = false;
const finish = async (code: number) => {
  if (exiting) return;
  exiting = true;
  await cleanup();
  // Keep logs of a failed run for whoever reads the report.
  if (code === 0) rmSync(tmpDir, { recursive: true, force: true });
  process.exit(code);
};
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void finish(130));
main().then(finish, (err: Error) => {
  console.error(`faults: ${err.stack ?? err}`);
  void finish(1);
});
