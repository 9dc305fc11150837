import type { JsonSchema } from './json-schema-arbitrary.js';

/** One operation of the OpenAPI document, reduced to what a request generator needs. */
export interface RouteSpec {
  method: string;
  /** OpenAPI template: `/api/v1/bookings/{id}`. */
  path: string;
  /** `POST /api/v1/bookings/{id}/cancel`: the unit defects are grouped by. */
  key: string;
  pathParams: ParamSpec[];
  query: ParamSpec[];
  body?: JsonSchema;
  bodyRequired: boolean;
}

export interface ParamSpec {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

interface OpenApiOperation {
  parameters?: { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}

/** An endless event stream never answers an inject; its tests use a real socket (events.test.ts). */
const isEventStream = (op: OpenApiOperation) => !!op.responses?.['200']?.content?.['text/event-stream'];

export interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

const OPERATION_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Every operation of the document, and per path the methods it answers. */
export function routeTable(doc: OpenApiDocument): {
  routes: RouteSpec[];
  methodsByPath: Map<string, Set<string>>;
} {
  const routes: RouteSpec[] = [];
  const methodsByPath = new Map<string, Set<string>>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [m, op] of Object.entries(item)) {
      if (!OPERATION_METHODS.has(m) || isEventStream(op)) continue;
      const method = m.toUpperCase();
      const params = op.parameters ?? [];
      const pick = (where: string) =>
        params
          .filter((p) => p.in === where)
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} }));
      const json = op.requestBody?.content?.['application/json']?.schema;
      routes.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams: pick('path'),
        query: pick('query'),
        body: json,
        bodyRequired: op.requestBody?.required === true,
      });
      const methods = methodsByPath.get(path) ?? new Set<string>();
      methods.add(method);
      // Fastify answers HEAD wherever it answers GET.
      if (method === 'GET') methods.add('HEAD');
      methodsByPath.set(path, methods);
    }
  }
  return { routes, methodsByPath };
}

/** Lone surrogates cannot be UTF-8 encoded; a client would have sent U+FFFD in their place. */
export const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

const encode = (s: string) => encodeURIComponent(wellFormed(s));

/** The concrete path: each `{name}` replaced by its value, percent-encoded. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => encode(values[name] ?? ''));
}

/** A query string from name → values; repeated names are how `?a=1&a=2` arrays arrive. */
export function queryString(entries: [string, string][]): string {
  if (!entries.length) return '';
  return '?' + entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}
