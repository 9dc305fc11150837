import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestValidatorCompiler } from './request-validator.js';

const app = Fastify();
beforeAll(async () => {
  app.setValidatorCompiler(requestValidatorCompiler);
  const answer = (req: { headers: unknown; raw: { headers: unknown } }) => ({
    own: req.headers === req.raw.headers,
    headers: req.headers,
  });
  app.get(
    '/loose',
    { schema: { headers: z.looseObject({ 'x-zone': z.string().max(5).optional() }) } },
    async (req) => answer(req),
  );
  app.get(
    '/defaulted',
    { schema: { headers: z.looseObject({ 'x-zone': z.string().default('UTC') }) } },
    async (req) => answer(req),
  );
  await app.ready();
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('header validation', () => {
  it('a valid loose header set leaves the request its own headers (no copy on every read)', async () => {
    const res = await get('/loose', { 'x-zone': 'NYC', authorization: 'Bearer t' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ own: true, headers: { 'x-zone': 'NYC', authorization: 'Bearer t' } });
  });

  it('an invalid named header is refused as by the stock validator', async () => {
    const res = await get('/loose', { 'x-zone': 'far too long' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/x-zone/);
  });

  it('a default or transform still reaches the handler, with every other header kept', async () => {
    const res = await get('/defaulted', { authorization: 'Bearer t' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ own: false, headers: { 'x-zone': 'UTC', authorization: 'Bearer t' } });
  });
});
