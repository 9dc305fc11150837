import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { hashIp } from '../auth/tokens.js';
import type { AppDeps } from '../deps.js';
import { errorBody } from '../http/errors.js';
import { Limiter } from './limiter.js';

/** Load balancers and scrapers call these; limiting them would take a healthy instance out. */
const UNLIMITED = new Set(['/health', '/ready', '/metrics']);

/**
 * The general per-client request limit (RATE_LIMIT_PER_MIN, 0 = off), on the same Limiter as
 * the strict limits, so it counts in Redis when it can and in process when Redis is down.
 */
export function installGeneralLimit(
  app: FastifyInstance,
  deps: Pick<AppDeps, 'config' | 'redis' | 'redisHealth' | 'keyPrefix'>,
): void {
  const { config } = deps;
  if (config.rateLimitPerMin <= 0) return;
  const limiter = new Limiter(
    { name: 'general', points: config.rateLimitPerMin, durationSeconds: 60 },
    deps.redis,
    deps.keyPrefix,
    deps.redisHealth,
  );
  // Per client: its session when it has a valid one (many students share an address), else its IP.
  // Only a valid session: a made-up token per request must not buy a fresh budget each time.
  // Route hooks run after the global session hook, so req.auth is resolved here.
  const keyOf = (req: FastifyRequest) =>
    req.auth ? `s:${req.auth.sessionId}` : `ip:${hashIp(config.ipHashSalt, req.ip)}`;
  const limit: onRequestAsyncHookHandler = async (req, reply) => {
    if (UNLIMITED.has(req.routeOptions.url ?? '')) return;
    const res = await limiter.tryConsume(keyOf(req));
    if (res.allowed) return;
    return reply
      .code(429)
      .header('retry-after', String(res.retryAfterSeconds))
      .send(errorBody('RATE_LIMITED', `Too many requests. Try again in ${res.retryAfterSeconds} s.`));
  };
  // Per route, like @fastify/rate-limit: the routes registered from here on (the API and ops), not
  // the web app's static files and docs registered before.
  app.addHook('onRoute', (route) => {
    const own = route.onRequest ? [route.onRequest].flat() : [];
    route.onRequest = [limit, ...own];
  });
}
