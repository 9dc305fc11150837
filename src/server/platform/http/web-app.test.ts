import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

const html = { accept: 'text/html,application/xhtml+xml' };

describe('the built web app served at /', () => {
  let t: TestApp;
  beforeAll(async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'ii-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await createTestApp({ config: { webDir } });
  });
  afterAll(() => t.close());

  it('answers / and any page address with index.html, revalidated on each visit', async () => {
    // Pages with a head of their own (/, /services, /instructors/:id) are in modules/seo.
    for (const url of ['/', '/search?q=piano', '/lessons/123', '/lessons']) {
      const res = await t.request({ method: 'GET', url, headers: html });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('id="root"');
    }
  });

  it('serves hashed assets with a year-long immutable cache', async () => {
    const res = await t.request({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps API misses, missing files and non-HTML requests as JSON 404s', async () => {
    for (const [url, headers] of [
      ['/api/v1/nope', html],
      ['/health/x', html],
      ['/assets/missing.js', html],
      ['/favicon.ico', html],
      ['/search', { accept: 'application/json' }],
    ] as const) {
      const res = await t.request({ method: 'GET', url, headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it('does not answer writes with the page', async () => {
    const res = await t.request({ method: 'POST', url: '/lessons', headers: html });
    expect(res.statusCode).toBe(404);
  });
});

describe('before the web app is built', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { webDir: join(tmpdir(), 'ii-web-never-built') } });
  });
  afterAll(() => t.close());

  it('says how to build it instead of a bare 404', async () => {
    const res = await t.request({ method: 'GET', url: '/', headers: html });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
  });
});
