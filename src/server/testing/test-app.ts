import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import type { Config } from '../config.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';
import { openPglite, openPostgres } from '../db/client.js';
import type { Clock } from '../platform/clock.js';
import { addRoles } from '../platform/access/rbac.repo.js';
import type { RoleName } from '../platform/access/permissions.js';
import type { AppDeps } from '../platform/deps.js';
import { createDeps } from '../platform/deps.js';
import type { InlineJobRunner } from '../platform/jobs/inline-runner.js';
import type { Services } from '../services.js';
import { createServices } from '../services.js';
import { markEmailVerified } from '../modules/accounts/email-verification.repo.js';
import { TEMPLATE_DB, withDatabase } from './pg-urls.js';

export const TEST_PASSWORD = 'Test-pass-1';

/** A fresh migrated database for one test file: a clone of the run's template. */
export async function cloneTestDatabase(): Promise<{
  database: Database;
  /** The clone's URL on PostgreSQL (another instance opens its own pool on it); null on PGlite. */
  url: string | null;
  drop(): Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `t_${randomBytes(6).toString('hex')}`;
    const admin = openPostgres(url, 1);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
    const cloneUrl = withDatabase(url, name);
    const database = openPostgres(cloneUrl, 20);
    return {
      database,
      url: cloneUrl,
      async drop() {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.close();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  const database = await openPglite(undefined, new Blob([dump]));
  return { database, url: null, drop: async () => {} };
}

/**
 * The database of another test app, as a second instance of the API would reach it: its own pool
 * on PostgreSQL; on the embedded database (one process) the same instance, which it must not close.
 */
function databaseOf(other: TestApp): { database: Database; url: string | null; drop(): Promise<void> } {
  const noDrop = async () => {};
  if (other.databaseUrl) {
    return { database: openPostgres(other.databaseUrl, 20), url: other.databaseUrl, drop: noDrop };
  }
  const shared = other.deps.database;
  return { database: { ...shared, close: noDrop }, url: null, drop: noDrop };
}

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  services: Services;
  /** PostgreSQL only: the URL of this app's database (see `sameDatabaseAs`). */
  databaseUrl: string | null;
  request(opts: InjectOptions & { token?: string }): Promise<LightMyRequestResponse>;
  /** A new account with the given roles; returns its bearer token and id. */
  user(opts?: {
    roles?: RoleName[];
    email?: string;
    fullName?: string;
    /** false: leave the email unverified (the account then holds only its signup link). Default true. */
    verified?: boolean;
  }): Promise<{ token: string; id: string; email: string }>;
  /** Waits for queued in-process jobs (inline runner only). */
  drainJobs(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(
  opts: {
    config?: Partial<Config>;
    clock?: Clock;
    /** A second instance of the API over the first one's database (close it before the first). */
    sameDatabaseAs?: TestApp;
  } = {},
): Promise<TestApp> {
  const {
    database,
    url: databaseUrl,
    drop,
  } = opts.sameDatabaseAs ? databaseOf(opts.sameDatabaseAs) : await cloneTestDatabase();
  const config = loadConfig(
    { ...process.env, DB_TIER: 'test', LOG_LEVEL: 'silent' },
    {
      dataDir: join(tmpdir(), 'instainstru-test'),
      sessionSecret: 'test-session-secret-0123456789',
      ipHashSalt: 'test-ip-salt',
      fastHashing: true,
      checkResponseContracts: true,
      rateLimitPerMin: 0,
      signupPerIpPerHour: 10_000,
      passwordResetPerIpPerHour: 10_000,
      loginMaxFailuresPerIp: 10_000,
      seedDemo: false,
      // Tests do not depend on whether the web app has been built; web-app.test.ts brings its own.
      webDir: join(tmpdir(), 'instainstru-test-no-web'),
      ...opts.config,
    },
  );
  const keyPrefix = `t:${randomBytes(5).toString('hex')}:`;
  const deps = await createDeps(config, { database, clock: opts.clock, keyPrefix });
  const services = createServices(deps);
  const app = await buildApp(deps, services);
  await app.ready();
  await deps.jobs.start();
  deps.mailer.start();

  const request: TestApp['request'] = ({ token, headers, ...rest }) =>
    app.inject({ ...rest, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  return {
    app,
    deps,
    services,
    databaseUrl,
    request,
    async user(u = {}) {
      const email = u.email ?? `user${++counter}-${randomBytes(3).toString('hex')}@example.com`;
      const res = await request({
        method: 'POST',
        url: '/api/v1/auth/signup',
        payload: { email, password: TEST_PASSWORD, fullName: u.fullName ?? 'Test User' },
      });
      if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
      const body = res.json() as { token: string; user: { id: string } };
      // Most tests are about other things than verification: their accounts start verified.
      if (u.verified !== false) await markEmailVerified(deps.db, body.user.id, deps.clock.now());
      const extra = (u.roles ?? []).filter((r) => r !== 'student');
      if (extra.length) {
        await addRoles(deps.db, body.user.id, extra);
        await services.access.invalidate(body.user.id);
      }
      return { token: body.token, id: body.user.id, email };
    },
    async drainJobs() {
      if (deps.jobs.kind === 'inline') await (deps.jobs as InlineJobRunner).drain();
    },
    async close() {
      await app.close();
      await deps.jobs.close();
      if (deps.redis) {
        const keys = await deps.redis.keys(`${keyPrefix}*`);
        if (keys.length) await deps.redis.del(...keys);
      }
      await deps.close();
      await drop();
    },
  };
}
