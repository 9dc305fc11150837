import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

/**
 * Responses are written by a serializer compiled once per route and status from the JSON Schema of
 * the route's zod contract (fast-json-stringify, as Fastify does natively): only the contract's
 * fields are written, so nothing else can leak, at a fraction of the cost of running zod on every
 * response. Whether the values also satisfy the contract is checked in tests
 * (route-contracts.ts), not on the hot path.
 */
export const contractSerializerCompiler = (({ schema }) => {
  if (!(schema instanceof z.ZodType)) throw new Error('response schemas are zod schemas');
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'any',
  });
  return fastJson(json as Parameters<typeof fastJson>[0]);
}) satisfies FastifySerializerCompiler<unknown>;
