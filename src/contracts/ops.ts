// What the operations endpoints answer (outside /api/v1: load balancers, probes and scrapers call
// them). Shared by the server and the web app, so nothing here may import server code.
import { z } from 'zod';

export const health = z.object({ status: z.literal('ok') }).describe('The process is up.');
export type Health = z.infer<typeof health>;

export const readinessCheck = z
  .object({
    ok: z.boolean(),
    /** The driver, the applied migrations, or what went wrong. */
    detail: z.string().optional(),
  })
  .describe('One dependency checked.');
export type ReadinessCheck = z.infer<typeof readinessCheck>;

export const readinessChecks = z.object({
  database: readinessCheck,
  /** Present only when Redis is configured. */
  redis: readinessCheck.optional(),
  migrations: readinessCheck,
});
export type ReadinessChecks = z.infer<typeof readinessChecks>;

export const readiness = z
  .object({
    status: z
      .enum(['ready', 'degraded'])
      .describe('`degraded`: Redis is down and its work runs on in-process fallbacks; still serving.'),
    checks: readinessChecks,
  })
  .describe('This instance can serve; each dependency as checked.');
export type Readiness = z.infer<typeof readiness>;

export const notReady = z
  .object({ status: z.literal('not_ready'), checks: readinessChecks })
  .describe('This instance cannot serve: the database is unreachable or migrations are missing.');
export type NotReady = z.infer<typeof notReady>;

export const metricsText = z
  .string()
  .describe('Prometheus metrics in the text exposition format (version 0.0.4).');
