import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (def: number) => z.coerce.number().int().min(0).default(def);
// A retention period: at least a day (0 would purge everything), at most ten years.
const days = (def: number) => z.coerce.number().int().min(1).max(3650).default(def);

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./var'),
  WEB_DIR: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  DB_TIER: z.enum(['dev', 'test', 'staging', 'production']).default('dev'),
  SEED_DEMO: bool.optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  IP_HASH_SALT: z.string().min(8).optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('InstaInstru <no-reply@instainstru.local>'),
  ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  RATE_LIMIT_PER_MIN: int(600),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z.string().url().optional(),
  SESSION_TTL_DAYS: int(30),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(10),
  LOGIN_MAX_FAILURES_PER_IP: int(30),
  LOGIN_WINDOW_MINUTES: int(15),
  SIGNUP_PER_IP_PER_HOUR: int(20),
  PASSWORD_RESET_PER_IP_PER_HOUR: int(10),
  BODY_LIMIT_BYTES: int(100_000),
  BOOKINGS_PER_USER_PER_MIN: int(30),
  MESSAGES_PER_USER_PER_MIN: int(30),
  SSE_HEARTBEAT_SECONDS: int(25),
  PG_PREPARE_THRESHOLD: int(3),
  SHUTDOWN_GRACE_MS: int(10_000),
  // ≈ 13 months: a year-on-year look and the 90-day reports stay whole.
  RETENTION_SEARCH_EVENTS_DAYS: days(396),
  RETENTION_DELETED_HISTORY_DAYS: days(90),
  RETENTION_GUEST_DATA_DAYS: days(120),
  // "near me": where a searcher's IP is (modules/geo); never blocks or fails a search.
  GEO_PROVIDER: z.enum(['none', 'table', 'http']).default('table'),
  GEO_HTTP_URL: z
    .string()
    .url()
    .refine((u) => u.includes('{ip}'), 'must contain {ip}')
    .optional(),
  GEO_TIMEOUT_MS: z.coerce.number().int().min(1).max(5_000).default(300),
  GEO_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(86_400),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: string;
  port: number;
  host: string;
  dataDir: string;
  /** The built web app (index.html + assets) served at `/`. */
  webDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  dbTier: Env['DB_TIER'];
  seedDemo: boolean;
  sessionSecret: string;
  ipHashSalt: string;
  smtpUrl?: string;
  mailFrom: string;
  role: Env['ROLE'];
  rateLimitPerMin: number;
  trustProxy: boolean;
  logLevel: Env['LOG_LEVEL'];
  publicUrl: string;
  sessionTtlDays: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginWindowMinutes: number;
  signupPerIpPerHour: number;
  passwordResetPerIpPerHour: number;
  bodyLimitBytes: number;
  bookingsPerUserPerMin: number;
  messagesPerUserPerMin: number;
  /** Comment lines on idle event streams (proxies close silent ones); also the catch-up tick. */
  sseHeartbeatMs: number;
  /** Runs of one statement after which PostgreSQL gets it prepared; 0 = never (db/statement-cache.ts). */
  pgPrepareThreshold: number;
  /** SIGTERM: how long in-flight requests and running jobs get before the process exits anyway (1). */
  shutdownGraceMs: number;
  /** What the retention job keeps, in days (modules/privacy/retention.ts). */
  retention: { searchEventsDays: number; deletedHistoryDays: number; guestDataDays: number };
  /** Where "near me" is (modules/geo): the provider, its URL template, its time budget, its cache. */
  geo: { provider: Env['GEO_PROVIDER']; httpUrl?: string; timeoutMs: number; cacheTtlSeconds: number };
  /** Cheap argon2 parameters: only ever set by the test helpers. */
  fastHashing: boolean;
  /** Compare every answer with its route's contract (route-contracts.ts): the test helpers set it. */
  checkResponseContracts: boolean;
}

export class ConfigError extends Error {}

/** Secrets missing from the environment are generated once into DATA_DIR (dev and test only). */
function secretFromDataDir(dataDir: string, name: string, tier: Env['DB_TIER']): string {
  if (tier === 'production' || tier === 'staging') {
    throw new ConfigError(`${name} must be set in the environment when DB_TIER=${tier}`);
  }
  const file = resolve(dataDir, `.${name.toLowerCase()}`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(32).toString('base64url');
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // An exported-but-empty variable (DATABASE_URL=) means unset, as in most tools.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(overrides.dataDir ?? e.DATA_DIR);
  // Emails link to PUBLIC_URL: where real people get them, a localhost fallback would be a broken link.
  if (!e.PUBLIC_URL && !overrides.publicUrl && (e.DB_TIER === 'staging' || e.DB_TIER === 'production')) {
    throw new ConfigError(`PUBLIC_URL must be set in the environment when DB_TIER=${e.DB_TIER}`);
  }
  if (e.GEO_PROVIDER === 'http' && !e.GEO_HTTP_URL) {
    throw new ConfigError('GEO_HTTP_URL must be set when GEO_PROVIDER=http');
  }
  const config: Config = {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    webDir: resolve(
      overrides.webDir ?? e.WEB_DIR ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
    ),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dbTier: e.DB_TIER,
    // Demo data by default only where a newcomer starts: the embedded database.
    seedDemo: e.SEED_DEMO ?? (!e.DATABASE_URL && e.DB_TIER !== 'production'),
    sessionSecret:
      e.SESSION_SECRET ?? overrides.sessionSecret ?? secretFromDataDir(dataDir, 'SESSION_SECRET', e.DB_TIER),
    ipHashSalt:
      e.IP_HASH_SALT ?? overrides.ipHashSalt ?? secretFromDataDir(dataDir, 'IP_HASH_SALT', e.DB_TIER),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    role: e.ROLE,
    rateLimitPerMin: e.RATE_LIMIT_PER_MIN,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxFailuresPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
    loginWindowMinutes: e.LOGIN_WINDOW_MINUTES,
    signupPerIpPerHour: e.SIGNUP_PER_IP_PER_HOUR,
    passwordResetPerIpPerHour: e.PASSWORD_RESET_PER_IP_PER_HOUR,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    bookingsPerUserPerMin: e.BOOKINGS_PER_USER_PER_MIN,
    messagesPerUserPerMin: e.MESSAGES_PER_USER_PER_MIN,
    sseHeartbeatMs: Math.max(1, e.SSE_HEARTBEAT_SECONDS) * 1000,
    pgPrepareThreshold: e.PG_PREPARE_THRESHOLD,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    retention: {
      searchEventsDays: e.RETENTION_SEARCH_EVENTS_DAYS,
      deletedHistoryDays: e.RETENTION_DELETED_HISTORY_DAYS,
      guestDataDays: e.RETENTION_GUEST_DATA_DAYS,
    },
    geo: {
      provider: e.GEO_PROVIDER,
      httpUrl: e.GEO_HTTP_URL,
      timeoutMs: e.GEO_TIMEOUT_MS,
      cacheTtlSeconds: e.GEO_CACHE_TTL_SECONDS,
    },
    fastHashing: false,
    checkResponseContracts: false,
  };
  return { ...config, ...overrides };
}
