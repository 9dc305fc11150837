import Fastify from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorResponse } from '../../../contracts/errors.js';
import { contractSerializerCompiler } from './contract-serializer.js';
import { AppError } from './errors.js';
import { installErrorHandling } from './error-handler.js';
import { installRouteContracts } from './route-contracts.js';

const thing = z.object({ id: z.string(), count: z.int().min(0) });

/** Routes that keep and break their contracts on purpose. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const pub = { permission: 'public' } as const;
  const response = { 200: thing, 404: errorResponse };
  app.get(
    '/api/v1/kept',
    { config: pub, schema: { operationId: 'op1', summary: 'A route.', response } },
    async () => ({
      id: 'a',
      count: 1,
      secret: 'never written',
    }),
  );
  app.get(
    '/api/v1/wrong-type',
    { config: pub, schema: { operationId: 'op2', summary: 'A route.', response } },
    async (_req, reply) => reply.send({ id: 'a', count: -1 }),
  );
  app.get(
    '/api/v1/undocumented-status',
    { config: pub, schema: { operationId: 'op3', summary: 'A route.', response } },
    async () => {
      throw new AppError(409, 'CONFLICT', 'Not in the contract.');
    },
  );
  app.get(
    '/api/v1/documented-refusal',
    { config: pub, schema: { operationId: 'op4', summary: 'A route.', response } },
    async () => {
      throw new AppError(404, 'NOT_FOUND', 'Thing not found.');
    },
  );
};

async function appWith(check: boolean) {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(contractSerializerCompiler);
  installErrorHandling(app);
  installRouteContracts(app, { check });
  await app.register(routes);
  await app.ready();
  return app;
}

describe('route contracts', () => {
  let checked: Awaited<ReturnType<typeof appWith>>;
  let unchecked: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    [checked, unchecked] = await Promise.all([appWith(true), appWith(false)]);
  });
  afterAll(async () => {
    await Promise.all([checked.close(), unchecked.close()]);
  });

  it('writes only the fields of the contract: a field the handler adds cannot leak', async () => {
    for (const app of [checked, unchecked]) {
      const res = await app.inject('/api/v1/kept');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ id: 'a', count: 1 });
    }
  });

  it('in tests, a body that breaks its schema is a 500 naming the route and the field', async () => {
    const res = await checked.inject('/api/v1/wrong-type');
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toMatchObject({
      code: 'RESPONSE_CONTRACT_VIOLATION',
      details: { route: 'GET /api/v1/wrong-type', status: 200, issues: [{ path: 'count' }] },
    });
    // Without the check (production) the serializer still writes the declared shape.
    expect((await unchecked.inject('/api/v1/wrong-type')).json()).toEqual({ id: 'a', count: -1 });
  });

  it('in tests, a status the route does not document is a 500', async () => {
    const res = await checked.inject('/api/v1/undocumented-status');
    expect(res.statusCode).toBe(500);
    expect(res.json().error.details.problem).toBe('status 409 is not in the contract');
    expect((await checked.inject('/api/v1/documented-refusal')).statusCode).toBe(404);
  });

  it('every API route documents the refusals any route can give, and whether it needs a session', async () => {
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(contractSerializerCompiler);
    installRouteContracts(app, { check: true });
    const seen = new Map<string, { response: Record<string, unknown>; security: unknown }>();
    app.addHook('onRoute', (r) => {
      const schema = r.schema as { response: Record<string, unknown>; security: unknown };
      seen.set(`${String(r.method)} ${r.url}`, schema);
    });
    app.get(
      '/api/v1/open',
      {
        config: { permission: 'public' },
        schema: { operationId: 'open', summary: 'Open.', response: { 200: thing } },
      },
      () => ({
        id: 'a',
        count: 0,
      }),
    );
    app.post(
      '/api/v1/mine',
      {
        config: { permission: 'authenticated' },
        schema: { operationId: 'mine', summary: 'Mine.', response: { 201: thing } },
      },
      () => ({
        id: 'a',
        count: 0,
      }),
    );
    await app.ready();
    const open = seen.get('GET /api/v1/open')!;
    expect(Object.keys(open.response).sort()).toEqual(['200', '400', '429']);
    expect(open.security).toEqual([]);
    const mine = seen.get('POST /api/v1/mine')!;
    expect(Object.keys(mine.response).sort()).toEqual(['201', '400', '401', '403', '413', '415', '429']);
    expect(mine.response['401']).toBe(errorResponse);
    expect(mine.security).toEqual([{ bearer: [] }, { cookie: [] }]);
    await app.close();
  });

  it('an API route without an operationId, a summary or a success schema does not start', async () => {
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(contractSerializerCompiler);
    installRouteContracts(app, { check: false });
    expect(() =>
      app.get(
        '/api/v1/bare',
        { config: { permission: 'public' }, schema: { operationId: 'bare', summary: 'Bare.' } },
        () => ({}),
      ),
    ).toThrow(/needs an operationId, a summary and a 2xx response schema/);
    await app.close();
  });
});
