import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

let t: TestApp;
let port: number;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** Raw bytes on a socket: what a client that app.inject cannot imitate sends. */
const raw = (request: string) =>
  new Promise<{ status: number; headers: string; body: string }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let data = '';
    socket.on('data', (c) => (data += c.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
  });

const expectErrorShape = (body: string, code: string) => {
  const parsed = JSON.parse(body) as { error: { code: string; message: string } };
  expect(parsed.error.code).toBe(code);
  expect(parsed.error.message).toEqual(expect.any(String));
};

describe('protocol-level errors answer in the API error shape', () => {
  it('a known path with the wrong method is 405 with Allow, an unknown path 404', async () => {
    const wrong = await t.request({ method: 'DELETE', url: '/api/v1/catalog/categories' });
    expect(wrong.statusCode).toBe(405);
    expect(wrong.headers.allow).toBe('GET, HEAD');
    expectErrorShape(wrong.body, 'METHOD_NOT_ALLOWED');
    const param = await t.request({
      method: 'PUT',
      url: '/api/v1/bookings/0b6f6a2e-6c1a-4c1e-9d1c-1a2b3c4d5e6f',
    });
    expect(param.statusCode).toBe(405);
    expect(param.headers.allow).toContain('GET');
    const unknown = await t.request({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(unknown.statusCode).toBe(404);
    expectErrorShape(unknown.body, 'NOT_FOUND');
  });

  it('a URL with broken percent-encoding is 400 INVALID_URL', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/instructors/%zz' });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.body, 'INVALID_URL');
  });

  it('a path parameter longer than any id is 414 URI_TOO_LONG, not a 500', async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/bookings/${'x'.repeat(101)}` });
    expect(res.statusCode).toBe(414);
    expectErrorShape(res.body, 'URI_TOO_LONG');
  });

  it('headers larger than the limit are 431 with a JSON body', async () => {
    const res = await raw(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expectErrorShape(res.body, 'HEADERS_TOO_LARGE');
  });

  it('a header with a control character is 400 with a JSON body, and the server goes on', async () => {
    const res = await raw('GET /health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n');
    expect(res.status).toBe(400);
    expectErrorShape(res.body, 'BAD_REQUEST');
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  });
});

describe('security headers', () => {
  it('every response carries the CSP, nosniff and referrer policy; no HSTS on plain http', async () => {
    for (const url of ['/health', '/api/v1/catalog/categories', '/api/v1/no-such-thing']) {
      const res = await t.request({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('HSTS is sent when the public address is https', async () => {
    const https = await createTestApp({ config: { publicUrl: 'https://instainstru.example' } });
    try {
      const res = await https.request({ method: 'GET', url: '/health' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    } finally {
      await https.close();
    }
  });
});
