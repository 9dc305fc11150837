import type { FastifyPluginAsync } from 'fastify';
import { migrationStatus } from '../db/migrate.js';
import type { AppDeps } from './deps.js';

/** Liveness, readiness and Prometheus metrics, outside /api/v1 (load balancers and scrapers call them). */
export const opsRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/health', async () => ({ status: 'ok' }));

    // Ready = can serve. The database is required; Redis is not (everything on it has an
    // in-process fallback), so without it the answer is 200 `degraded`, still in rotation.
    app.get('/ready', async (_req, reply) => {
      const checks: Record<string, { ok: boolean; detail?: string }> = {};
      // The ping is bounded by the breaker's timeout (and instant while the circuit is open).
      const redisPing = deps.redis ? deps.cache.ping() : undefined;
      try {
        await deps.database.query('SELECT 1');
        checks.database = { ok: true, detail: deps.database.driver };
      } catch (err) {
        checks.database = { ok: false, detail: (err as Error).message };
      }
      if (redisPing) {
        checks.redis = (await redisPing)
          ? { ok: true }
          : { ok: false, detail: 'unreachable: cache, rate limits and invalidation on in-process fallbacks' };
      }
      if (checks.database.ok) {
        const m = await migrationStatus(deps.database);
        checks.migrations = { ok: m.applied >= m.expected, detail: `${m.applied}/${m.expected} applied` };
      } else {
        checks.migrations = { ok: false, detail: 'database unreachable' };
      }
      const required = checks.database.ok && checks.migrations.ok;
      const status = !required ? 'not_ready' : checks.redis?.ok === false ? 'degraded' : 'ready';
      return reply.code(required ? 200 : 503).send({ status, checks });
    });

    app.get('/metrics', async (_req, reply) => {
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    });
  };
