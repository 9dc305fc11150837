import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../testing/test-app.js';
import { createTestApp } from '../testing/test-app.js';
import { freePort } from './redis/test-redis-server.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('/health answers without touching anything', async () => {
    const res = await t.request({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/ready checks the database, Redis when configured, and migrations', async () => {
    const res = await t.request({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    const { checks } = res.json();
    expect(checks.database.ok).toBe(true);
    expect(checks.migrations.ok).toBe(true);
    expect('redis' in checks).toBe(!!process.env.REDIS_URL);
  });

  it('/ready is 503 when the database is gone', async () => {
    const other = await createTestApp();
    await other.deps.database.close();
    const res = await other.request({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.database.ok).toBe(false);
    await other.app.close();
    await other.deps.jobs.close();
  });

  it('/ready is 200 degraded, not 503, when Redis is configured but unreachable', async () => {
    const other = await createTestApp({ config: { redisUrl: `redis://127.0.0.1:${await freePort()}` } });
    try {
      const res = await other.request({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'degraded',
        checks: { database: { ok: true }, redis: { ok: false }, migrations: { ok: true } },
      });
    } finally {
      // Not other.close(): it deletes the app's Redis keys, which needs a Redis.
      await other.app.close();
      await other.deps.close();
    }
  });

  it('/metrics exposes route latency, errors, cache and pool figures', async () => {
    await t.request({ method: 'GET', url: '/api/v1/catalog/categories' });
    await t.request({ method: 'GET', url: '/api/v1/auth/me' });
    const res = await t.request({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(
      'instainstru_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/v1/catalog/categories",status_code="200"}',
    );
    expect(res.body).toMatch(
      /instainstru_http_request_errors_total\{method="GET",route="\/api\/v1\/auth\/me",status_code="401"\} 1/,
    );
    expect(res.body).toMatch(/instainstru_cache_operations_total\{cache="catalog",result="miss"\} \d/);
    expect(res.body).toMatch(/instainstru_db_pool_connections\{state="max"\} \d+/);
  });

  it('every response carries a Server-Timing header', async () => {
    const res = await t.request({ method: 'GET', url: '/health' });
    expect(res.headers['server-timing']).toMatch(/^app;dur=\d+\.\d+$/);
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const res = await t.request({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toContain('/api/v1/auth/signup');
    expect(doc.paths['/api/v1/auth/signup'].post.requestBody).toBeDefined();
  });
});

describe('general rate limit', () => {
  it('answers 429 with Retry-After past the per-minute budget, per client', async () => {
    const limited = await createTestApp({ config: { rateLimitPerMin: 3 } });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++)
        codes.push((await limited.request({ method: 'GET', url: '/api/v1/catalog/categories' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
      const res = await limited.request({ method: 'GET', url: '/api/v1/catalog/categories' });
      expect(res.headers['retry-after']).toBeDefined();
      expect(res.json().error.code).toBe('RATE_LIMITED');
      // Health checks are never limited.
      expect((await limited.request({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('a made-up token per request buys no fresh budget; each signed-in session has its own', async () => {
    const limited = await createTestApp({ config: { rateLimitPerMin: 3 } });
    try {
      const get = (token?: string) =>
        limited.request({ method: 'GET', url: '/api/v1/catalog/categories', token });
      const u = await limited.user(); // its signup spends part of this address's budget
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await get(`iis_madeup${i}`)).statusCode);
      expect(codes.filter((c) => c === 200).length).toBeLessThan(3);
      expect(codes.at(-1)).toBe(429);
      // The address is spent, yet a real session counts on its own budget.
      expect((await get(u.token)).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
