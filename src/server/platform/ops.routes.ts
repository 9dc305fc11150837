import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { health, metricsText, notReady, readiness } from '../../contracts/ops.js';
import type { ReadinessCheck, ReadinessChecks } from '../../contracts/ops.js';
import { migrationStatus } from '../db/migrate.js';
import type { AppDeps } from './deps.js';

/** Liveness, readiness and Prometheus metrics, outside /api/v1 (load balancers and scrapers call them). */
export const opsRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['ops'];

    app.get(
      '/health',
      {
        schema: {
          operationId: 'getHealth',
          summary: 'Liveness: the process is up (nothing else is checked).',
          tags,
          response: { 200: health },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    // Ready = can serve. The database is required; Redis is not (everything on it has an
    // in-process fallback), so without it the answer is 200 `degraded`, still in rotation.
    app.get(
      '/ready',
      {
        schema: {
          operationId: 'getReadiness',
          summary:
            'Readiness: 200 when the database and migrations are fine (degraded without Redis), else 503.',
          tags,
          response: { 200: readiness, 503: notReady },
        },
      },
      async (_req, reply) => {
        // The ping is bounded by the breaker's timeout (and instant while the circuit is open).
        const redisPing = deps.redis ? deps.cache.ping() : undefined;
        let database: ReadinessCheck;
        try {
          await deps.database.query('SELECT 1');
          database = { ok: true, detail: deps.database.driver };
        } catch (err) {
          database = { ok: false, detail: (err as Error).message };
        }
        const checks: ReadinessChecks = {
          database,
          migrations: { ok: false, detail: 'database unreachable' },
        };
        if (redisPing) {
          checks.redis = (await redisPing)
            ? { ok: true }
            : {
                ok: false,
                detail: 'unreachable: cache, rate limits and invalidation on in-process fallbacks',
              };
        }
        if (database.ok) {
          const m = await migrationStatus(deps.database);
          checks.migrations = { ok: m.applied >= m.expected, detail: `${m.applied}/${m.expected} applied` };
        }
        if (!database.ok || !checks.migrations.ok)
          return reply.code(503).send({ status: 'not_ready', checks });
        return { status: checks.redis?.ok === false ? ('degraded' as const) : ('ready' as const), checks };
      },
    );

    app.get(
      '/metrics',
      {
        schema: {
          operationId: 'getMetrics',
          summary: 'Prometheus metrics: request latency and errors, cache, pool and queue figures.',
          tags,
          response: { 200: { content: { 'text/plain': { schema: metricsText } } } },
        },
      },
      async (_req, reply) => {
        reply.type(deps.metrics.registry.contentType);
        return deps.metrics.registry.metrics();
      },
    );
  };
