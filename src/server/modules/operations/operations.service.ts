import type { OpsDatabase, OpsOutbox, OpsQueues, OpsRedis } from '../../../contracts/ops.js';
import { migrationStatus } from '../../db/migrate.js';
import type { AppDeps } from '../../platform/deps.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import * as dbRepo from './ops-database.repo.js';
import * as outboxRepo from './ops-outbox.repo.js';
import { parseInfo, redisFigures } from './redis-info.js';

/** The one queue both runners use (BullMQ's queue name; the in-process runner has one list). */
export const QUEUE_NAME = 'jobs';
const REDIS_INFO_TIMEOUT_MS = 1000;

/** What Admin → Operations shows and does; routes require access_monitoring before calling. */
export class OperationsService {
  constructor(private readonly deps: AppDeps) {}

  async database(): Promise<OpsDatabase> {
    const { database, config } = this.deps;
    const [version, sizeBytes, tables, migrations, latest, slowest] = await Promise.all([
      dbRepo.serverVersion(database),
      dbRepo.databaseSizeBytes(database),
      dbRepo.tableSizes(database),
      migrationStatus(database),
      dbRepo.latestMigration(database),
      dbRepo.slowestStatements(database),
    ]);
    const pool = database.poolStats();
    return {
      driver: database.driver,
      version: database.driver === 'pglite' ? `PGlite (PostgreSQL ${version})` : `PostgreSQL ${version}`,
      tier: config.dbTier,
      pool: { max: pool.max, inUse: pool.total - pool.idle, idle: pool.idle, waiting: pool.waiting },
      sizeBytes,
      tables,
      migrations: { ...migrations, latest },
      slowestStatements: slowest,
    };
  }

  async redis(): Promise<OpsRedis> {
    const { redis, redisHealth } = this.deps;
    if (!redis) return { status: 'not_configured', detail: 'No REDIS_URL: embedded mode.' };
    if (redisHealth && !redisHealth.healthy()) {
      return { status: 'degraded', detail: 'Unreachable: cache, limits and invalidation on fallbacks.' };
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const text = await Promise.race([
        redis.info(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('INFO timed out')), REDIS_INFO_TIMEOUT_MS);
        }),
      ]);
      return { status: 'connected', ...redisFigures(parseInfo(text)) };
    } catch (err) {
      return { status: 'degraded', detail: (err as Error).message };
    } finally {
      clearTimeout(timer);
    }
  }

  async queues(): Promise<OpsQueues> {
    const s = await this.deps.jobs.stats();
    return {
      runner: s.kind,
      queues: [{ name: QUEUE_NAME, counts: s.counts, retried: s.retried }],
      schedules: s.schedules.map((x) => ({ ...x, next: x.next ?? null })),
      failed: s.recentFailures,
    };
  }

  async retryJob(id: string) {
    if (!(await this.deps.jobs.retryFailed(id))) throw notFound('Failed job');
    return { id, action: 'retried' as const };
  }

  async discardJob(id: string) {
    if (!(await this.deps.jobs.discardFailed(id))) throw notFound('Failed job');
    return { id, action: 'discarded' as const };
  }

  async outbox(q: { status?: OpsOutbox['messages'][number]['status']; limit: number }): Promise<OpsOutbox> {
    const [summary, messages] = await Promise.all([
      outboxRepo.outboxSummary(this.deps.db),
      outboxRepo.recentMessages(this.deps.db, q.status, q.limit),
    ]);
    return {
      delivering: !!this.deps.mailer.relay,
      counts: {
        stored: summary.counts.stored ?? 0,
        queued: summary.counts.queued ?? 0,
        sent: summary.counts.sent ?? 0,
        failed: summary.counts.failed ?? 0,
      },
      oldestUnsentAt: summary.oldestUnsentAt?.toISOString() ?? null,
      messages: messages.map((m) => ({
        ...m,
        // A check on the column is not there; anything unexpected shows as stored.
        status: (['stored', 'queued', 'sent', 'failed'].includes(m.status) ? m.status : 'stored') as never,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
      })),
    };
  }

  /** Queues a failed message again: 404 unknown, 409 not failed or no SMTP to send it with. */
  async resend(id: string) {
    const { db, mailer, clock } = this.deps;
    const status = await outboxRepo.messageStatus(db, id);
    if (!status) throw notFound('Message');
    if (!mailer.relay) {
      throw conflict('MAIL_NOT_CONFIGURED', 'No SMTP_URL is set: messages are stored, not sent.');
    }
    if (status !== 'failed' || !(await outboxRepo.requeueFailed(db, id, clock.now()))) {
      throw conflict('NOT_FAILED', `Only failed messages can be resent; this one is ${status}.`);
    }
    mailer.committed();
    return { id, status: 'queued' as const };
  }

  /** For /metrics: the outbox figures Prometheus alerts on. */
  async outboxMetrics() {
    const s = await outboxRepo.outboxSummary(this.deps.db);
    const age = s.oldestUnsentAt ? (this.deps.clock.now().getTime() - s.oldestUnsentAt.getTime()) / 1000 : 0;
    return { counts: s.counts, oldestUnsentAgeSeconds: Math.max(0, age) };
  }
}
