import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';

/** Latency histogram and error counter per route, plus a Server-Timing header for the browser's devtools. */
export function installRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    const labels = {
      method: req.method,
      route: req.routeOptions.url ?? 'unmatched',
      status_code: String(reply.statusCode),
    };
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    if (reply.statusCode >= 400) metrics.httpErrors.inc(labels);
  });
}
