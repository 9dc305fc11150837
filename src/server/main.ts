import { buildApp } from './app.js';
import { prepareDatabase } from './bootstrap.js';
import { ConfigError, loadConfig } from './config.js';
import { seedDemoIfEmpty } from './db/seed/seed-demo-if-empty.js';
import { createDeps } from './platform/deps.js';
import { MODULE_JOBS } from './module-jobs.js';
import { SERVICE_ANALYTICS_JOB } from './modules/analytics/analytics-jobs.js';
import { registerModuleSchedules } from './platform/jobs/register-jobs.js';
import { createServices } from './services.js';
import { installGracefulShutdown } from './shutdown.js';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const deps = await createDeps(config);
  const { log } = deps;
  // A promise nobody awaited must never take every other request down with the process; the
  // lint rules (no-floating-promises) keep new ones out, this keeps a missed one logged.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled promise rejection'));
  const prepared = await prepareDatabase(deps.database);
  await seedDemoIfEmpty(deps.database, config, deps.clock, log);
  log.info(
    {
      driver: deps.database.driver,
      tier: config.dbTier,
      catalogLoaded: prepared.catalogLoaded,
      ms: Date.now() - started,
    },
    'database ready',
  );

  const services = createServices(deps);
  const app = config.role === 'worker' ? undefined : await buildApp(deps, services);
  if (config.role !== 'api') {
    await registerModuleSchedules(deps.jobs, MODULE_JOBS);
    await deps.jobs.start();
    deps.mailer.start();
    // Demand is recomputed hourly; a fresh start should not rank on an empty or old table till then.
    await deps.jobs.enqueue(SERVICE_ANALYTICS_JOB, {});
  }
  if (app) {
    await app.listen({ port: config.port, host: config.host });
    log.info(
      { url: `http://${config.host}:${config.port}`, role: config.role, ms: Date.now() - started },
      'InstaInstru is up',
    );
  } else {
    log.info({ role: config.role }, 'worker consuming jobs');
  }

  installGracefulShutdown(app, deps, config.shutdownGraceMs);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('failed to start:', err);
  }
  process.exit(1);
});
