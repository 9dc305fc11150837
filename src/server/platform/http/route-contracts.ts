import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { z } from 'zod';
import { errorResponse } from '../../../contracts/errors.js';
import { errorBody } from './errors.js';

type ResponseMap = Record<string, unknown>;
type ContentResponse = { content: Record<string, { schema: unknown }> };

const isContent = (r: unknown): r is ContentResponse =>
  typeof r === 'object' && r !== null && 'content' in r && typeof (r as ContentResponse).content === 'object';

/** Refusals any API route can give, whatever it does; each route adds its own (404, 409, 422...). */
function standardRefusals(route: RouteOptions): number[] {
  const codes = [400, 429];
  const methods = [route.method].flat();
  // Fastify reads a body on every method but GET and HEAD, so any of them can refuse one.
  if (methods.some((m) => m !== 'GET' && m !== 'HEAD')) codes.push(413, 415);
  if (route.config?.permission !== 'public') codes.push(401, 403);
  return codes;
}

/**
 * Every /api/v1 route documents the refusals every route can give, in the one error schema, and
 * says when it needs a session. With `check` (the test suites), every answer is compared with the
 * contract of its route and status: an undocumented status or a body that does not match turns
 * into a 500 RESPONSE_CONTRACT_VIOLATION, which no test expecting the real answer survives.
 */
export function installRouteContracts(app: FastifyInstance, opts: { check: boolean }): void {
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path ?? '';
    route.schema ??= {};
    const needsSession = url.startsWith('/api/v1') && route.config?.permission !== 'public';
    (route.schema as { security?: unknown }).security = needsSession ? [{ bearer: [] }, { cookie: [] }] : [];
    if (!url.startsWith('/api/v1')) {
      // Probes and metrics too: a malformed URL or header is refused in the error shape on any path.
      const schema = route.schema as { hide?: boolean; response?: ResponseMap };
      if (!schema.hide && schema.response) schema.response[400] ??= errorResponse;
      return;
    }
    const { operationId, summary } = route.schema as { operationId?: string; summary?: string };
    const response = (route.schema.response ??= {}) as ResponseMap;
    // Born with a contract: an API route without one does not start.
    if (!operationId || !summary || !Object.keys(response).some((k) => k.startsWith('2'))) {
      throw new Error(
        `route ${String(route.method)} ${url} needs an operationId, a summary and a 2xx response schema`,
      );
    }
    for (const code of standardRefusals(route)) response[code] ??= errorResponse;
  });
  if (opts.check) app.addHook('onSend', checkAnswer);
}

/** The problem with an answer, or null when it keeps the route's contract. */
export function contractProblem(
  responses: ResponseMap | undefined,
  status: number,
  contentType: string | undefined,
  payload: unknown,
): string | Record<string, unknown> | null {
  if (!responses || status >= 500) return null;
  const declared = responses[String(status)] ?? responses[`${String(status)[0]}xx`];
  if (declared === undefined) return `status ${status} is not in the contract`;
  if (status === 204 || status === 304) return null;
  let schema: unknown = declared;
  if (isContent(declared)) {
    const type = (contentType ?? '').split(';')[0]!.trim();
    const entry = declared.content[type];
    if (!entry) return `content type ${type || '(none)'} is not in the contract for ${status}`;
    schema = entry.schema;
  }
  if (!(schema instanceof z.ZodType)) return null;
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload;
  if (typeof text !== 'string') return null; // a stream: nothing here answers with one
  let value: unknown = text;
  if (/json/.test(contentType ?? '')) {
    try {
      value = JSON.parse(text);
    } catch {
      return 'the body is not JSON';
    }
  }
  const result = schema.safeParse(value);
  if (result.success) return null;
  return {
    issues: result.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })),
  };
}

async function checkAnswer(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  const responses = req.routeOptions.schema?.response as ResponseMap | undefined;
  const encoded = reply.getHeader('content-encoding');
  if (encoded) return payload;
  const problem = contractProblem(
    responses,
    reply.statusCode,
    String(reply.getHeader('content-type') ?? ''),
    payload,
  );
  if (!problem) return payload;
  const details = {
    route: `${req.method} ${req.routeOptions.url}`,
    status: reply.statusCode,
    ...(typeof problem === 'string' ? { problem } : problem),
    body: typeof payload === 'string' ? payload.slice(0, 500) : undefined,
  };
  req.log.error(details, 'response breaks its contract');
  reply.code(500).type('application/json; charset=utf-8');
  return JSON.stringify(errorBody('RESPONSE_CONTRACT_VIOLATION', 'The answer breaks its contract.', details));
}
