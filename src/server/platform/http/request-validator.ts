import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

const isLoose = (schema: z.ZodObject) => schema._zod.def.catchall?._zod.def.type === 'unknown';

/**
 * fastify-type-provider-zod's validator, but loose header schemas keep the request's own headers.
 * Fastify stores a validator's output as `request.headers`, and from then on every read of
 * `request.headers` copies them all (raw and validated merged; a search reads them 7 times). Such
 * schemas only name a few headers, so only those are parsed; the validated copy is kept only when
 * parsing changed one of them (a default or transform), and a refusal is the stock validator's.
 */
export const requestValidatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const stock = validatorCompiler(route);
  const { schema } = route;
  if (route.httpPart !== 'headers' || !(schema instanceof z.ZodObject) || !isLoose(schema)) return stock;
  const keys = Object.keys(schema.shape);
  const named = z.object(schema.shape);
  return (data) => {
    const headers = (data ?? {}) as Record<string, unknown>;
    const picked: Record<string, unknown> = {};
    for (const k of keys) if (headers[k] !== undefined) picked[k] = headers[k];
    const result = named.safeParse(picked);
    if (!result.success) return stock(data);
    for (const k of keys) if ((result.data as Record<string, unknown>)[k] !== headers[k]) return stock(data);
    // Valid and unchanged: no `value`, so Fastify leaves request.headers as they came.
    return {};
  };
};
