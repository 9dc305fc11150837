import fc from 'fast-check';
import type { AuthKind, FuzzWorld } from './fuzz-world.js';
import { withForbiddenControl } from './hostile-values.js';
import type { ArbitraryOptions, JsonSchema } from './json-schema-arbitrary.js';
import { schemaArbitrary, typesOf, validArbitrary, wrongTypeArbitrary } from './json-schema-arbitrary.js';
import type { ParamSpec, RouteSpec } from './route-table.js';
import { fillPath, queryString } from './route-table.js';
import { pathParamArbitrary, semanticHint } from './semantic-hints.js';

/** How a request was made, and so what a correct API must answer to it. */
export type RequestKind =
  | 'valid'
  | 'edge'
  | 'unknown-query'
  | 'unknown-field'
  | 'missing-required'
  | 'wrong-type'
  | 'control-char'
  | 'malformed-body'
  | 'wrong-method'
  | 'path-suffix';

/** One generated request, fully resolved so a counterexample prints as something to replay. */
export interface FuzzRequest {
  /** The route it was generated for (`GET /api/v1/search`), or the path for a wrong method. */
  route: string;
  kind: RequestKind;
  method: string;
  url: string;
  auth: AuthKind;
  headers: Record<string, string>;
  payload?: string;
  /** `refused`: any 4xx; 405: exactly that. */
  expect?: 'refused' | 405;
  /** What was done to make it invalid, for the report. */
  note?: string;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH'];

const UNKNOWN_NAMES = [
  'foo',
  'debug',
  'isAdmin',
  'role',
  'userId',
  'page[]',
  '__proto__',
  'constructor',
  'sort ',
  'Q',
];

function toQueryValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const AUTH = fc.oneof(
  { weight: 2, arbitrary: fc.constant<AuthKind>('anonymous') },
  { weight: 3, arbitrary: fc.constant<AuthKind>('student') },
  { weight: 3, arbitrary: fc.constant<AuthKind>('instructor') },
  { weight: 3, arbitrary: fc.constant<AuthKind>('admin') },
  { weight: 1, arbitrary: fc.constantFrom<AuthKind>('bogus', 'cookie', 'guest') },
);

/** Headers a real client sends now and then: a guest's zone, an idempotency key. */
const EXTRA_HEADERS: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'x-timezone': fc.constantFrom('Europe/London', 'Not/AZone', 'Pacific/Kiritimati'),
    'idempotency-key': fc.oneof(fc.uuid(), fc.constantFrom('', 'x'.repeat(300))),
    accept: fc.constantFrom('application/json', 'text/html', '*/*', 'text/csv'),
  },
  { requiredKeys: [] },
);

/** Malformed bodies, and whether any route must refuse them (`schema`: routes that take a body). */
const MALFORMED: { payload: string; contentType: string; refuse: 'always' | 'schema' | 'never' }[] = [
  { payload: '{', contentType: 'application/json', refuse: 'always' },
  { payload: '{"a":', contentType: 'application/json', refuse: 'always' },
  { payload: '{"a":1,}', contentType: 'application/json', refuse: 'always' },
  { payload: "{'a':1}", contentType: 'application/json', refuse: 'always' },
  { payload: '{"a":NaN}', contentType: 'application/json', refuse: 'always' },
  { payload: '\u0000', contentType: 'application/json', refuse: 'always' },
  { payload: '[]', contentType: 'application/json', refuse: 'schema' },
  { payload: 'null', contentType: 'application/json', refuse: 'schema' },
  { payload: '"text"', contentType: 'application/json', refuse: 'schema' },
  { payload: '12', contentType: 'application/json', refuse: 'schema' },
  { payload: '{"__proto__":{"isAdmin":true}}', contentType: 'application/json', refuse: 'schema' },
  { payload: '{"constructor":{"prototype":{"x":1}}}', contentType: 'application/json', refuse: 'schema' },
  { payload: '['.repeat(3000) + ']'.repeat(3000), contentType: 'application/json', refuse: 'schema' },
  { payload: `{"a":"${'x'.repeat(150_000)}"}`, contentType: 'application/json', refuse: 'always' },
  { payload: 'email=a%40b.co', contentType: 'application/x-www-form-urlencoded', refuse: 'always' },
  { payload: 'hello', contentType: 'text/plain', refuse: 'always' },
  { payload: '<a/>', contentType: 'application/xml', refuse: 'always' },
  { payload: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x', refuse: 'always' },
  { payload: '{}', contentType: 'application/json; charset=utf-16', refuse: 'never' },
  { payload: '\ufeff{}', contentType: 'application/json', refuse: 'never' },
  { payload: '{}', contentType: 'APPLICATION/JSON', refuse: 'never' },
];

function queryArbitrary(
  params: ParamSpec[],
  opts: ArbitraryOptions,
  drop?: string,
): fc.Arbitrary<[string, string][]> {
  const siblings = params.map((p) => p.name);
  const parts = params
    .filter((p) => p.name !== drop)
    .map((p) => {
      const value = schemaArbitrary(p.schema, { ...opts, hint: siteHint(opts, p.name, siblings) }).map(
        (v): [string, string][] => [[p.name, toQueryValue(v)]],
      );
      return p.required ? value : fc.option(value, { freq: 2, nil: [] as [string, string][] });
    });
  return fc.tuple(...parts).map((xs) => xs.flat());
}

/** Hints see a query parameter as a property named after it, beside the route's other ones. */
function siteHint(opts: ArbitraryOptions, name: string, siblings: string[]) {
  const hint = opts.hint;
  if (!hint) return undefined;
  return (site: Parameters<NonNullable<typeof hint>>[0]) =>
    hint({ ...site, path: [name, ...site.path], siblings: site.path.length ? site.siblings : siblings });
}

/** A query value no reading of the parameter's schema accepts, when there is one. */
function wrongQueryValue(schema: JsonSchema): string | undefined {
  const branches = schema.anyOf ?? schema.oneOf ?? [schema];
  const freeText = branches.some(
    (b) => typesOf(b).has('string') && !b.enum && !b.pattern && !b.format && !('const' in b),
  );
  return freeText ? undefined : 'zz-not-valid';
}

interface Built {
  pathValues: fc.Arbitrary<Record<string, string>>;
  /** Real or unknown ids only: a path that still names this route. */
  goodPathValues: fc.Arbitrary<Record<string, string>>;
  validQuery: fc.Arbitrary<[string, string][]>;
  edgeQuery: fc.Arbitrary<[string, string][]>;
  validBody?: fc.Arbitrary<unknown>;
  edgeBody?: fc.Arbitrary<unknown>;
}

function buildParts(route: RouteSpec, world: FuzzWorld, base: ArbitraryOptions): Built {
  const values = (wellFormed: boolean) =>
    fc.record(
      Object.fromEntries(
        route.pathParams.map((p) => [p.name, pathParamArbitrary(world, route.path, p.name, wellFormed)]),
      ),
    ) as fc.Arbitrary<Record<string, string>>;
  const edgy = { ...base, edgeWeight: 3 };
  return {
    pathValues: values(false),
    goodPathValues: values(true),
    validQuery: queryArbitrary(route.query, { ...base, inQuery: true, edgeWeight: 0 }),
    edgeQuery: queryArbitrary(route.query, { ...edgy, inQuery: true }),
    validBody: route.body ? validArbitrary(route.body, base) : undefined,
    edgeBody: route.body ? schemaArbitrary(route.body, edgy) : undefined,
  };
}

/** Every request the suite may make for one route. */
export function routeRequestArbitrary(
  route: RouteSpec,
  world: FuzzWorld,
  allowedMethods: Set<string>,
): fc.Arbitrary<FuzzRequest> {
  const base: ArbitraryOptions = { hint: semanticHint(world), now: world.now };
  const parts = buildParts(route, world, base);
  const isApi = route.path.startsWith('/api/v1');
  const make = (
    kind: RequestKind,
    p: {
      path: Record<string, string>;
      query: [string, string][];
      body?: unknown;
      raw?: { payload: string; contentType: string };
      method?: string;
      expect?: FuzzRequest['expect'];
      note?: string;
      suffix?: string;
    },
  ) =>
    fc.tuple(AUTH, EXTRA_HEADERS).map(([auth, extra]): FuzzRequest => {
      const headers: Record<string, string> = { ...extra };
      let payload: string | undefined;
      if (p.raw) {
        payload = p.raw.payload;
        headers['content-type'] = p.raw.contentType;
      } else if (p.body !== undefined) {
        payload = JSON.stringify(p.body);
        headers['content-type'] = 'application/json';
      }
      return {
        route: p.method ? `${p.method} ${route.path}` : route.key,
        kind,
        method: p.method ?? route.method,
        url: fillPath(route.path, p.path) + (p.suffix ?? '') + queryString(p.query),
        auth,
        headers,
        payload,
        expect: p.expect,
        note: p.note,
      };
    });

  const variants: { weight: number; arbitrary: fc.Arbitrary<FuzzRequest> }[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<FuzzRequest>) => variants.push({ weight, arbitrary });
  const body = route.body;
  const hasBody = body !== undefined;
  const validBody = parts.validBody ?? fc.constant(undefined);

  add(
    6,
    fc
      .tuple(parts.pathValues, parts.validQuery, validBody)
      .chain(([path, query, b]) => make('valid', { path, query, body: b })),
  );
  add(
    5,
    fc
      .tuple(parts.pathValues, parts.edgeQuery, parts.edgeBody ?? fc.constant(undefined), fc.boolean())
      .chain(([path, query, b, dup]) =>
        // A parameter given twice arrives as an array.
        make('edge', { path, query: dup && query.length ? [...query, query[0]!] : query, body: b }),
      ),
  );

  if (isApi) {
    const declared = new Set(route.query.map((q) => q.name));
    const names = UNKNOWN_NAMES.filter((n) => !declared.has(n));
    add(
      2,
      fc
        .tuple(
          parts.pathValues,
          parts.validQuery,
          validBody,
          fc.constantFrom(...names),
          fc.constantFrom('1', 'true', ''),
        )
        .chain(([path, query, b, name, value]) =>
          make('unknown-query', {
            path,
            query: [...query, [name, value]],
            body: b,
            expect: 'refused',
            note: `unknown query parameter ${name}`,
          }),
        ),
    );
  }

  const props = body?.properties ?? {};
  const propNames = Object.keys(props);
  const isObjectBody = hasBody && (body.type === 'object' || body.properties !== undefined);
  if (isObjectBody && body.additionalProperties === false) {
    add(
      2,
      fc
        .tuple(
          parts.pathValues,
          parts.validQuery,
          validBody,
          fc.constantFrom('priceCents', 'status', 'isAdmin', 'studentId', 'roles', 'Email', 'extra'),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .filter(([, , , name]) => !propNames.includes(name))
        .chain(([path, query, b, name, value]) =>
          make('unknown-field', {
            path,
            query,
            body: { ...(b as object), [name]: value },
            expect: 'refused',
            note: `unknown body field ${name}`,
          }),
        ),
    );
  }

  const requiredBody = isObjectBody ? (body.required ?? []).filter((r) => r in props) : [];
  const requiredQuery = route.query.filter((q) => q.required).map((q) => q.name);
  if (requiredBody.length || requiredQuery.length || (hasBody && route.bodyRequired)) {
    const choices = [
      ...requiredBody.map((n) => ({ where: 'body' as const, name: n })),
      ...requiredQuery.map((n) => ({ where: 'query' as const, name: n })),
    ];
    const dropBody = route.bodyRequired ? [{ where: 'whole-body' as const, name: '' }] : [];
    add(
      2,
      fc.constantFrom(...choices, ...dropBody).chain((c) =>
        fc
          .tuple(
            parts.pathValues,
            c.where === 'query'
              ? queryArbitrary(route.query, { ...base, inQuery: true }, c.name)
              : parts.validQuery,
            validBody,
          )
          .chain(([path, query, b]) => {
            let bodyOut: unknown = b;
            if (c.where === 'body') {
              const copy = { ...(b as Record<string, unknown>) };
              delete copy[c.name];
              bodyOut = copy;
            } else if (c.where === 'whole-body') bodyOut = undefined;
            return make('missing-required', {
              path,
              query,
              body: bodyOut,
              expect: 'refused',
              note: c.where === 'whole-body' ? 'no body' : `missing ${c.where} ${c.name}`,
            });
          }),
      ),
    );
  }

  const wrongBody = propNames.flatMap((n) => {
    const w = wrongTypeArbitrary(props[n]!);
    return w ? [{ name: n, arbitrary: w }] : [];
  });
  const wrongQuery = route.query.flatMap((q) => {
    const w = wrongQueryValue(q.schema);
    return w ? [{ name: q.name, value: w }] : [];
  });
  if (wrongBody.length || wrongQuery.length || isObjectBody) {
    const options: fc.Arbitrary<{
      note: string;
      apply: (q: [string, string][], b: unknown) => [[string, string][], unknown];
    }>[] = [];
    for (const w of wrongBody) {
      options.push(
        w.arbitrary.map((v) => ({
          note: `body ${w.name} = ${JSON.stringify(v)}`,
          apply: (q, b) => [q, { ...(b as object), [w.name]: v }],
        })),
      );
    }
    for (const w of wrongQuery) {
      options.push(
        fc.constant({
          note: `query ${w.name} = ${w.value}`,
          apply: (q: [string, string][], b: unknown): [[string, string][], unknown] => [
            [...q.filter(([k]) => k !== w.name), [w.name, w.value]],
            b,
          ],
        }),
      );
    }
    if (isObjectBody) {
      options.push(
        fc.constantFrom<unknown>([], 'body', 42, null, true).map((v) => ({
          note: `body is ${JSON.stringify(v)}`,
          apply: (q: [string, string][]): [[string, string][], unknown] => [q, v],
        })),
      );
    }
    add(
      2,
      fc
        .tuple(parts.pathValues, parts.validQuery, validBody, fc.oneof(...options))
        .chain(([path, query, b, w]) => {
          const [q2, b2] = w.apply(query, b);
          // `null` as a whole body must be sent, not dropped.
          const raw = b2 === null ? { payload: 'null', contentType: 'application/json' } : undefined;
          return make('wrong-type', { path, query: q2, body: b2, raw, expect: 'refused', note: w.note });
        }),
    );
  }

  // A forbidden control character in one top-level string: every string field refuses it.
  const stringProps = propNames.filter((n) => typesOf(props[n]!).has('string'));
  const stringQuery = route.query.filter((q) => typesOf(q.schema).has('string')).map((q) => q.name);
  if (stringProps.length || stringQuery.length) {
    const targets = [
      ...stringProps.map((n) => ({ where: 'body' as const, name: n })),
      ...stringQuery.map((n) => ({ where: 'query' as const, name: n })),
    ];
    add(
      2,
      fc
        .tuple(
          parts.pathValues,
          parts.validQuery,
          validBody,
          fc.constantFrom(...targets),
          fc.string({ maxLength: 6 }),
        )
        .chain(([path, query, b, target, base]) =>
          withForbiddenControl(base || 'abc').chain((bad) => {
            const note = `control character U+${bad
              .split('')
              .find((c) => c.charCodeAt(0) < 32)!
              .charCodeAt(0)
              .toString(16)
              .padStart(4, '0')} in ${target.where} ${target.name}`;
            if (target.where === 'body') {
              return make('control-char', {
                path,
                query,
                body: { ...(b as object), [target.name]: bad },
                expect: 'refused',
                note,
              });
            }
            return make('control-char', {
              path,
              query: [...query.filter(([k]) => k !== target.name), [target.name, bad]],
              body: b,
              expect: 'refused',
              note,
            });
          }),
        ),
    );
  }

  if (route.method !== 'GET' && route.method !== 'HEAD') {
    add(
      2,
      fc.tuple(parts.pathValues, parts.validQuery, fc.constantFrom(...MALFORMED)).chain(([path, query, m]) =>
        make('malformed-body', {
          path,
          query,
          raw: m,
          expect: m.refuse === 'always' || (m.refuse === 'schema' && hasBody) ? 'refused' : undefined,
          note: `${m.contentType}: ${m.payload.slice(0, 40)}${m.payload.length > 40 ? '…' : ''}`,
        }),
      ),
    );
  }

  const wrongMethods = METHODS.filter((m) => !allowedMethods.has(m));
  // One route per path makes the wrong-method requests, so a path is not tried more often for having more methods.
  if (wrongMethods.length && [...allowedMethods][0] === route.method) {
    add(
      2,
      fc
        .tuple(parts.goodPathValues, fc.constantFrom(...wrongMethods), fc.boolean())
        .chain(([path, method, withBody]) =>
          make('wrong-method', {
            path,
            query: [],
            method,
            body: withBody && method !== 'GET' && method !== 'HEAD' ? {} : undefined,
            expect: 405,
          }),
        ),
    );
  }

  // Outside the API an unknown path belongs to the web app, which tests run without.
  if (isApi) {
    add(
      1,
      fc
        .tuple(
          parts.goodPathValues,
          parts.validQuery,
          fc.constantFrom('/', '/x', '//', '/%2e%2e', '.json', '%00', ';a=1'),
        )
        .chain(([path, query, suffix]) => make('path-suffix', { path, query, suffix, method: route.method })),
    );
  }

  return fc.oneof(...variants);
}

/** Requests over every route, each route equally likely. */
export function requestArbitrary(
  routes: RouteSpec[],
  methodsByPath: Map<string, Set<string>>,
  world: FuzzWorld,
): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(
    ...routes.map((r) => routeRequestArbitrary(r, world, methodsByPath.get(r.path) ?? new Set([r.method]))),
  );
}
