import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AppDeps } from './platform/deps.js';

/**
 * SIGTERM/SIGINT: stop accepting connections, end the event streams (they never finish on their
 * own), let in-flight requests and running jobs finish, close mail, Redis and the database, exit 0.
 * Everything shares one bound (SHUTDOWN_GRACE_MS): past it, or on a second signal, exit 1 — an
 * orchestrator's SIGKILL would come next anyway, and a non-zero code says the drain was cut short.
 */
export function installGracefulShutdown(
  app: FastifyInstance | undefined,
  deps: Pick<AppDeps, 'close'> & { log: Logger },
  graceMs: number,
): void {
  const { log } = deps;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting for the drain');
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    log.info({ signal, graceMs }, 'shutting down: no new connections, draining requests and jobs');
    const bound = setTimeout(() => {
      log.error({ graceMs }, 'shutdown did not finish within SHUTDOWN_GRACE_MS; exiting');
      process.exit(1);
    }, graceMs);
    bound.unref();
    try {
      // Closes the listener, ends event streams (preClose), answers 503 on kept-alive connections
      // and waits for the requests already running.
      await app?.close();
      await deps.close(Math.max(0, graceMs - (Date.now() - started)));
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    log.info({ ms: Date.now() - started }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', (s) => void stop(s));
  process.on('SIGTERM', (s) => void stop(s));
}
