import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';
import { chooseEncoding } from './accept-encoding.js';

describe('choosing an encoding from Accept-Encoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, br', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['identity', 'identity'],
    ['x-gzip', 'gzip'],
    ['BR;Q=0, GZIP', 'gzip'],
  ])('%s → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('compressed JSON answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // The OpenAPI document: JSON, large and the same every time.
  const url = '/api/docs/json';
  const fetchWith = (acceptEncoding?: string) =>
    t.request({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('gzip for gzip clients, br when preferred; the body decodes to the same JSON', async () => {
    const plain = await fetchWith();
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gz = await fetchWith('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
    const br = await fetchWith('gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('honours q=0: br refused means gzip, both refused means none', async () => {
    expect((await fetchWith('br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    expect((await fetchWith('br;q=0, gzip;q=0')).headers['content-encoding']).toBeUndefined();
  });

  it('the prepared catalog honours q=0 too and is not compressed twice', async () => {
    const res = await t.request({
      method: 'GET',
      url: '/api/v1/catalog/categories',
      headers: { 'accept-encoding': 'br;q=0, gzip' },
    });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(() => JSON.parse(gunzipSync(res.rawPayload).toString())).not.toThrow();
  });

  it('the event stream is never compressed, so events are not held back in a buffer', async () => {
    const u = await t.user();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const { headers, firstChunk } = await new Promise<{
      headers: Record<string, unknown>;
      firstChunk: string;
    }>((resolve, reject) => {
      const req = request(`http://127.0.0.1:${port}/api/v1/events`, {
        agent: false,
        headers: { authorization: `Bearer ${u.token}`, 'accept-encoding': 'gzip, br' },
      });
      req.on('response', (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve({ headers: res.headers, firstChunk: chunk.toString('utf8') });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(headers['content-type']).toMatch(/^text\/event-stream/);
    expect(headers['content-encoding']).toBeUndefined();
    // Readable SSE text straight away (a retry field, a comment or an event).
    expect(firstChunk).toMatch(/^(retry|:|id|event|data)/);
  });
});
