import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contracts/errors.js';
import {
  failedJobAction,
  failedJobParams,
  opsDatabase,
  opsOutbox,
  opsOutboxQuery,
  opsQueues,
  opsRedis,
  outboxMessageParams,
  outboxResent,
} from '../../../contracts/ops.js';
import { noQuery } from '../../../contracts/primitives.js';
import type { OperationsService } from './operations.service.js';

/** Admin → Operations: database, Redis, job queues and the email outbox (access_monitoring). */
export const operationsRoutes =
  (ops: OperationsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    const config = { permission: 'access_monitoring' as const };

    app.get(
      '/admin/ops/database',
      {
        config,
        schema: {
          operationId: 'getOpsDatabase',
          summary: 'The database: driver, version, pool, table sizes, migrations, slowest statements.',
          tags,
          querystring: noQuery,
          response: { 200: opsDatabase },
        },
      },
      async () => ops.database(),
    );

    app.get(
      '/admin/ops/redis',
      {
        config,
        schema: {
          operationId: 'getOpsRedis',
          summary: 'Redis: connected, degraded or not configured; memory, hit rate, clients, keyspace.',
          tags,
          querystring: noQuery,
          response: { 200: opsRedis },
        },
      },
      async () => ops.redis(),
    );

    app.get(
      '/admin/ops/queues',
      {
        config,
        schema: {
          operationId: 'getOpsQueues',
          summary: 'Job queues and schedules from the job runner, with the failed jobs.',
          tags,
          querystring: noQuery,
          // 503 QUEUE_UNAVAILABLE: the queue lives in Redis and Redis is unreachable.
          response: { 200: opsQueues, 503: errorResponse },
        },
      },
      async () => ops.queues(),
    );

    app.post(
      '/admin/ops/queues/failed/:id/retry',
      {
        config,
        schema: {
          operationId: 'retryFailedJob',
          summary: 'Run a failed job again from its first attempt.',
          tags,
          querystring: noQuery,
          params: failedJobParams,
          response: { 200: failedJobAction, 404: errorResponse, 503: errorResponse },
        },
      },
      async (req) => ops.retryJob(req.params.id),
    );

    app.post(
      '/admin/ops/queues/failed/:id/discard',
      {
        config,
        schema: {
          operationId: 'discardFailedJob',
          summary: 'Forget a failed job.',
          tags,
          querystring: noQuery,
          params: failedJobParams,
          response: { 200: failedJobAction, 404: errorResponse, 503: errorResponse },
        },
      },
      async (req) => ops.discardJob(req.params.id),
    );

    app.get(
      '/admin/ops/outbox',
      {
        config,
        schema: {
          operationId: 'getOpsOutbox',
          summary: 'The email outbox: counts by status, oldest unsent, recent messages with a preview.',
          tags,
          querystring: opsOutboxQuery,
          response: { 200: opsOutbox },
        },
      },
      async (req) => ops.outbox(req.query),
    );

    app.post(
      '/admin/ops/outbox/:id/resend',
      {
        config,
        schema: {
          operationId: 'resendOutboxMessage',
          summary: 'Queue a failed email again.',
          tags,
          querystring: noQuery,
          params: outboxMessageParams,
          // 409 NOT_FAILED or MAIL_NOT_CONFIGURED.
          response: { 200: outboxResent, 404: errorResponse, 409: errorResponse },
        },
      },
      async (req) => ops.resend(req.params.id),
    );
  };
