import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { createTestApp } from '../../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { bodyLimitBytes: 10_000 } });
});
afterAll(() => t.close());

const post = (payload: string, contentType = 'application/json') =>
  t.request({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': contentType } });

describe('bad input never 500s and always answers in the error shape', () => {
  it('malformed JSON is 400 INVALID_JSON', async () => {
    const res = await post('{"email":');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'INVALID_JSON', message: expect.any(String) } });
  });

  it('wrong types are 400 VALIDATION_ERROR naming the field', async () => {
    const res = await post(JSON.stringify({ email: 42, password: ['x'] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_ERROR');
    expect(res.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('body.email');
  });

  it('a huge body is 413 and a non-JSON one 415', async () => {
    const huge = await post(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(20_000) }));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const text = await post('email=a', 'text/plain');
    expect(text.statusCode, text.body).toBe(415);
  });

  it('a JSON array, null or empty body is a 400', async () => {
    for (const body of ['[]', 'null', '"str"']) expect((await post(body)).statusCode, body).toBe(400);
    const empty = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.statusCode).toBe(400);
  });

  it('unknown routes are 404 in the error shape', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
