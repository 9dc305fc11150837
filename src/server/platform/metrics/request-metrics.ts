import type { FastifyInstance } from 'fastify';
import type { Metrics } from './metrics.js';

/** The route whose answers are counted as booking outcomes (201, 409, each 422 code...). */
const BOOKING_ROUTE = '/api/v1/bookings';

/** The error code of a refusal's shared error body, or undefined. */
function errorCodeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return undefined;
  try {
    const body = JSON.parse(payload.toString()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : undefined;
  } catch {
    return undefined;
  }
}

/** Latency histogram and error counter per route, plus a Server-Timing header for the browser's devtools. */
export function installRequestMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
    if (req.method === 'POST' && req.routeOptions.url === BOOKING_ROUTE) {
      const code = reply.statusCode >= 400 ? (errorCodeOf(payload) ?? 'unknown') : 'none';
      metrics.bookingOutcomes.inc({ status_code: String(reply.statusCode), code });
    }
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
