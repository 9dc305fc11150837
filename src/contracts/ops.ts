// What the operations endpoints answer (outside /api/v1: load balancers, probes and scrapers call
// them). Shared by the server and the web app, so nothing here may import server code.
import { z } from 'zod';
import { idText, strictParams } from './primitives.js';

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

// --- Admin → Operations (/api/v1/admin/ops/*, permission access_monitoring) ---

export const opsTable = z.object({
  name: z.string(),
  /** Estimated live rows (pg_stat_user_tables), cheap on any size. */
  rows: z.number().int(),
  /** Table, indexes and TOAST together. */
  bytes: z.number().int(),
});

export const opsStatement = z.object({
  query: z.string(),
  calls: z.number().int(),
  meanMs: z.number(),
  totalMs: z.number(),
});

export const opsDatabase = z
  .object({
    driver: z.enum(['pglite', 'pg']).describe('`pglite`: the embedded database; `pg`: PostgreSQL.'),
    version: z.string(),
    tier: z.enum(['dev', 'test', 'staging', 'production']),
    pool: z.object({
      max: z.number().int(),
      inUse: z.number().int(),
      idle: z.number().int(),
      waiting: z.number().int(),
    }),
    sizeBytes: z.number().int(),
    tables: z.array(opsTable),
    migrations: z.object({
      applied: z.number().int(),
      expected: z.number().int(),
      latest: z.string().nullable(),
    }),
    /** Null when pg_stat_statements is not installed (always null on the embedded database). */
    slowestStatements: z.array(opsStatement).nullable(),
  })
  .describe('The database this instance uses.');
export type OpsDatabase = z.infer<typeof opsDatabase>;

export const opsRedis = z
  .object({
    status: z
      .enum(['not_configured', 'connected', 'degraded'])
      .describe('`not_configured`: embedded mode, no REDIS_URL; `degraded`: configured but unreachable.'),
    detail: z.string().optional(),
    version: z.string().optional(),
    memory: z
      .object({ usedBytes: z.number().int(), peakBytes: z.number().int(), maxBytes: z.number().int() })
      .optional()
      .describe('`maxBytes` 0: no maxmemory limit.'),
    /** keyspace hits / (hits + misses) since the server started; null before any lookup. */
    hitRate: z.number().min(0).max(1).nullable().optional(),
    opsPerSec: z.number().optional(),
    connectedClients: z.number().int().optional(),
    keyspace: z
      .array(z.object({ db: z.string(), keys: z.number().int(), expires: z.number().int() }))
      .optional(),
  })
  .describe('The Redis this instance uses, if any.');
export type OpsRedis = z.infer<typeof opsRedis>;

const jobCounts = z.object({
  waiting: z.number().int(),
  active: z.number().int(),
  delayed: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
});

export const opsFailedJob = z.object({
  id: z.string(),
  job: z.string(),
  error: z.string(),
  at: z.string(),
  attempts: z.number().int(),
});

export const opsQueues = z
  .object({
    runner: z.enum(['bullmq', 'inline']).describe('`inline`: the in-process runner (no Redis).'),
    queues: z.array(z.object({ name: z.string(), counts: jobCounts, retried: z.number().int() })),
    schedules: z.array(
      z.object({
        id: z.string(),
        job: z.string(),
        every: z.number().int().optional().describe('Milliseconds between runs.'),
        pattern: z.string().optional().describe('A cron pattern.'),
        next: z.string().nullable(),
      }),
    ),
    failed: z.array(opsFailedJob),
  })
  .describe('The job runner’s own figures: the same shape for BullMQ and the in-process runner.');
export type OpsQueues = z.infer<typeof opsQueues>;

export const failedJobParams = strictParams({ id: idText(200) });

export const failedJobAction = z
  .object({ id: z.string(), action: z.enum(['retried', 'discarded']) })
  .describe('What was done with the failed job.');

export const outboxStatus = z.enum(['stored', 'queued', 'sent', 'failed']);

export const opsOutboxQuery = strictParams({
  status: outboxStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const opsOutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  status: outboxStatus,
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** The first 300 characters of the text body. */
  preview: z.string(),
});

export const opsOutbox = z
  .object({
    /** False: no SMTP_URL, messages are `stored` only (nothing can be resent). */
    delivering: z.boolean(),
    counts: z.object({
      stored: z.number().int(),
      queued: z.number().int(),
      sent: z.number().int(),
      failed: z.number().int(),
    }),
    oldestUnsentAt: z.string().nullable(),
    messages: z.array(opsOutboxMessage),
  })
  .describe('The email outbox.');
export type OpsOutbox = z.infer<typeof opsOutbox>;

export const outboxMessageParams = strictParams({ id: z.uuid() });

export const outboxResent = z
  .object({ id: z.string(), status: z.literal('queued') })
  .describe('The message is queued again with a fresh set of attempts.');
