import type { Redis } from 'ioredis';
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { openPglite, openPostgres } from '../db/client.js';
import { observeQueries } from '../db/query-timing.js';
import type { Cache } from './cache/cache.js';
import { MemoryCache } from './cache/memory-cache.js';
import { RedisCache } from './cache/redis-cache.js';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { BullmqJobRunner } from './jobs/bullmq-runner.js';
import { InlineJobRunner } from './jobs/inline-runner.js';
import type { JobRunner } from './jobs/jobs.js';
import { Limiter } from './limits/limiter.js';
import { Mailer } from './mail/mailer.js';
import { Metrics } from './metrics/metrics.js';
import type { RedisHealth } from './redis/redis-breaker.js';
import { RedisBreaker } from './redis/redis-breaker.js';
import { createRedisClient, waitForReady } from './redis/redis-client.js';

export interface Limits {
  loginPerAccount: Limiter;
  loginPerIp: Limiter;
  signupPerIp: Limiter;
  passwordResetPerIp: Limiter;
  /** Resent verification emails, per account: the same hourly budget as reset emails per address. */
  verificationMailPerUser: Limiter;
}

/** Everything the app needs from the outside world; tests build it with their own database and clock. */
export interface AppDeps {
  config: Config;
  log: Logger;
  database: Database;
  db: Db;
  cache: Cache;
  jobs: JobRunner;
  mailer: Mailer;
  metrics: Metrics;
  clock: Clock;
  limits: Limits;
  /** Fail-fast connection (no offline queue, short timeouts); go through `redisHealth` or accept errors. */
  redis?: Redis;
  /** Circuit breaker of `redis`; healthy() false = callers are on their in-process fallbacks. */
  redisHealth?: RedisHealth;
  /** Namespaces Redis keys and queues, so several apps (tests) can share one Redis. */
  keyPrefix: string;
  /** Running jobs get up to `graceMs` to finish, then mail, cache, Redis and the database close. */
  close(graceMs?: number): Promise<void>;
}

export interface DepsOptions {
  database?: Database;
  clock?: Clock;
  keyPrefix?: string;
  log?: Logger;
}

export async function createDeps(config: Config, opts: DepsOptions = {}): Promise<AppDeps> {
  const log =
    opts.log ??
    pino({
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    });
  const database =
    opts.database ??
    (config.databaseUrl
      ? openPostgres(config.databaseUrl, 10, config.pgPrepareThreshold)
      : await openPglite(`${config.dataDir}/pgdata`));
  const metrics = new Metrics(() => database.poolStats(), !opts.database);
  observeQueries(database, (operation, seconds) => metrics.dbQueryDuration.observe({ operation }, seconds));
  const keyPrefix = opts.keyPrefix ?? 'ii:';
  // Redis is a cache, a limiter and a queue here, never the truth: every caller has a fallback.
  const redis = config.redisUrl ? createRedisClient(config.redisUrl, log) : undefined;
  const redisHealth = redis ? new RedisBreaker(redis, log) : undefined;
  let cache: Cache;
  if (redis && redisHealth) {
    const redisCache = new RedisCache(redis, keyPrefix, redisHealth, log);
    // A normal start begins on Redis; one with Redis down starts on the fallbacks after ~1 s.
    await Promise.all([waitForReady(redis), redisCache.connected()]);
    cache = redisCache;
  } else {
    cache = new MemoryCache();
  }
  const jobs: JobRunner = config.redisUrl
    ? new BullmqJobRunner(
        { url: config.redisUrl, maxRetriesPerRequest: null },
        `${keyPrefix}bull`,
        metrics,
        log,
      )
    : new InlineJobRunner(metrics, log);
  const mailer = new Mailer(
    database.db,
    log,
    opts.clock ?? systemClock,
    config.mailFrom,
    config.smtpUrl,
    config.publicUrl,
    config.sessionSecret,
  );
  const windowSec = config.loginWindowMinutes * 60;
  const limits: Limits = {
    loginPerAccount: new Limiter(
      { name: 'login-account', points: config.loginMaxFailuresPerAccount, durationSeconds: windowSec },
      redis,
      keyPrefix,
      redisHealth,
    ),
    loginPerIp: new Limiter(
      { name: 'login-ip', points: config.loginMaxFailuresPerIp, durationSeconds: windowSec },
      redis,
      keyPrefix,
      redisHealth,
    ),
    signupPerIp: new Limiter(
      { name: 'signup-ip', points: config.signupPerIpPerHour, durationSeconds: 3600 },
      redis,
      keyPrefix,
      redisHealth,
    ),
    passwordResetPerIp: new Limiter(
      { name: 'reset-ip', points: config.passwordResetPerIpPerHour, durationSeconds: 3600 },
      redis,
      keyPrefix,
      redisHealth,
    ),
    verificationMailPerUser: new Limiter(
      { name: 'verify-mail-user', points: config.passwordResetPerIpPerHour, durationSeconds: 3600 },
      redis,
      keyPrefix,
      redisHealth,
    ),
  };
  return {
    config,
    log,
    database,
    db: database.db,
    cache,
    jobs,
    mailer,
    metrics,
    clock: opts.clock ?? systemClock,
    limits,
    redis,
    redisHealth,
    keyPrefix,
    async close(graceMs?: number) {
      await mailer.close();
      await jobs.close(graceMs);
      await cache.close();
      redisHealth?.shutdown();
      redis?.disconnect();
      await database.close();
    },
  };
}
