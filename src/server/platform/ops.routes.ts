import type { FastifyPluginAsync } from 'fastify';
import { migrationStatus } from '../db/migrate.js';
import type { AppDeps } from './deps.js';

/** Liveness, readiness and Prometheus metrics, outside /api/v1 (load balancers and scrapers call them). */
export const opsRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/health', async () => ({ status: 'ok' }));

    app.get('/ready', async (_req, reply) => {
      const checks: Record<string, { ok: boolean; detail?: string }> = {};
      try {
        await deps.database.query('SELECT 1');
        checks.database = { ok: true, detail: deps.database.driver };
      } catch (err) {
        checks.database = { ok: false, detail: (err as Error).message };
      }
      if (deps.redis) checks.redis = { ok: await deps.cache.ping() };
      if (checks.database.ok) {
        const m = await migrationStatus(deps.database);
        checks.migrations = { ok: m.applied >= m.expected, detail: `${m.applied}/${m.expected} applied` };
      } else {
        checks.migrations = { ok: false, detail: 'database unreachable' };
      }
      const ok = Object.values(checks).every((c) => c.ok);
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not_ready', checks });
    });

    app.get('/metrics', async (_req, reply) => {
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    });
  };
