import fc from 'fast-check';
import {
  EDGE_INTEGERS,
  FAR_DATES,
  FAR_INSTANTS,
  NUMERIC_JUNK,
  hostileString,
  withForbiddenControl,
} from './hostile-values.js';

/** The part of JSON Schema (and OpenAPI 3.0's `nullable`) that zod and @fastify/swagger emit. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
}

/** Where a value sits: the property names leading to it and the names beside it. */
export interface SchemaSite {
  path: string[];
  schema: JsonSchema;
  siblings: string[];
}

/**
 * Meaning a schema does not carry: a `date` property typed as a bare string, an id that should
 * name a real object. `valid` replaces the schema's own generator, `edge` adds to its edge cases.
 */
export type Hint = (
  site: SchemaSite,
) => { valid?: fc.Arbitrary<unknown>; edge?: fc.Arbitrary<unknown> } | undefined;

export interface ArbitraryOptions {
  hint?: Hint;
  /** Centre of generated dates: valid dates fall within weeks of it, far ones are edge cases. */
  now?: Date;
  /** Weight of an edge case against 10 for a valid value, at every leaf; 0 = valid values only. */
  edgeWeight?: number;
  /** Values travel in a query string or path: edges include text that coerces badly. */
  inQuery?: boolean;
}

const DAY_MS = 86_400_000;

/** The JSON types a schema admits (`anyOf` branches included). */
export function typesOf(schema: JsonSchema): Set<string> {
  const out = new Set<string>();
  const add = (s: JsonSchema) => {
    if (s.anyOf || s.oneOf) for (const b of s.anyOf ?? s.oneOf ?? []) add(b);
    if (Array.isArray(s.type)) for (const t of s.type) out.add(t);
    else if (s.type) out.add(s.type);
    else if (s.properties) out.add('object');
    else if (s.items) out.add('array');
    else if (s.enum) for (const v of s.enum) out.add(jsonType(v));
    else if ('const' in s) out.add(jsonType(s.const));
    if (s.nullable) out.add('null');
  };
  add(schema);
  if (out.has('integer')) out.add('number');
  return out;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (Number.isInteger(v)) return 'integer';
  return typeof v;
}

/** zod writes `nullable` and sometimes `type: [t, 'null']`; both collapse to the non-null type. */
function mainType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function isNullable(schema: JsonSchema): boolean {
  return schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'));
}

function bounds(schema: JsonSchema, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : Number.EPSILON;
  let min = schema.minimum ?? -Number.MAX_SAFE_INTEGER;
  let max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  if (typeof schema.exclusiveMinimum === 'number') min = schema.exclusiveMinimum + step;
  else if (schema.exclusiveMinimum === true) min += step;
  if (typeof schema.exclusiveMaximum === 'number') max = schema.exclusiveMaximum - step;
  else if (schema.exclusiveMaximum === true) max -= step;
  if (integer) {
    min = Math.max(Math.ceil(min), -Number.MAX_SAFE_INTEGER);
    max = Math.min(Math.floor(max), Number.MAX_SAFE_INTEGER);
  }
  return { min, max };
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Dates a user would plausibly send: from two months back to a year ahead of `now`. */
export const nearDate = (now: Date): fc.Arbitrary<string> =>
  fc.integer({ min: -60, max: 400 }).map((days) => isoDate(new Date(now.getTime() + days * DAY_MS)));

/** Instants on the quarter hour (the slot grid) within the same window, in UTC or with an offset. */
export const nearInstant = (now: Date): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: -60 * 96, max: 400 * 96 }), fc.boolean()).map(([quarters, offset]) => {
    const at = new Date(Math.floor(now.getTime() / 900_000) * 900_000 + quarters * 900_000);
    if (!offset) return at.toISOString();
    // The same instant written in New York winter time.
    return new Date(at.getTime() - 5 * 3_600_000).toISOString().replace('.000Z', '-05:00');
  });

function stringValid(schema: JsonSchema, now: Date): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 4096;
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  switch (schema.format) {
    case 'date':
      return nearDate(now);
    case 'date-time':
      return nearInstant(now);
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uri':
    case 'url':
      return fc.webUrl().filter(fits);
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
    } catch {
      // A pattern fast-check cannot invert is treated loosely: any string of the right length.
    }
  }
  const short = Math.min(maxLength, Math.max(minLength, 24));
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength, maxLength: short }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.string({ minLength, maxLength: short }),
          fc.constantFrom('\u00e9t\u00e9', '\ud83c\udfb9', '\u05e9\u05dc\u05d5\u05dd'),
        )
        .map(([s, extra]) => (s + extra).slice(0, maxLength))
        .filter(fits),
    },
    // The longest value the schema allows is where truncating columns and buffers break.
    { weight: 1, arbitrary: fc.constant('y'.repeat(Math.max(minLength, Math.min(maxLength, 4096)))) },
  );
}

function integerValid(schema: JsonSchema): fc.Arbitrary<number> {
  const { min, max } = bounds(schema, true);
  const step = schema.multipleOf && Number.isInteger(schema.multipleOf) ? schema.multipleOf : 1;
  const snap = (n: number) => {
    const first = Math.ceil(min / step) * step;
    const v = first + Math.floor((n - first) / step) * step;
    return v < min ? first : v;
  };
  const small = Math.min(max, min + 1000);
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.integer({ min, max: small }) },
      { weight: 2, arbitrary: fc.integer({ min, max }) },
      { weight: 1, arbitrary: fc.constantFrom(min, max) },
    )
    .map(snap);
}

function numberValid(schema: JsonSchema): fc.Arbitrary<number> {
  const { min, max } = bounds(schema, false);
  return fc.double({
    min: Math.max(min, -1e12),
    max: Math.min(max, 1e12),
    noNaN: true,
    noDefaultInfinity: true,
  });
}

/** A value that conforms to the schema (patterns are honoured where fast-check can invert them). */
export function validArbitrary(
  schema: JsonSchema,
  opts: ArbitraryOptions = {},
  site?: SchemaSite,
): fc.Arbitrary<unknown> {
  return build(schema, { ...opts, edgeWeight: 0 }, site ?? { path: [], schema, siblings: [] });
}

/** Valid values mixed, at every leaf, with edge cases of the same JSON type. */
export function schemaArbitrary(schema: JsonSchema, opts: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  return build(schema, opts, { path: [], schema, siblings: [] });
}

function build(schema: JsonSchema, opts: ArbitraryOptions, site: SchemaSite): fc.Arbitrary<unknown> {
  const now = opts.now ?? new Date();
  const hinted = opts.hint?.({ ...site, schema });
  const edgeWeight = opts.edgeWeight ?? 0;

  let valid: fc.Arbitrary<unknown>;
  if (hinted?.valid) valid = hinted.valid;
  else if ('const' in schema) valid = fc.constant(schema.const);
  else if (schema.enum) valid = fc.constantFrom(...schema.enum);
  else if (schema.anyOf || schema.oneOf) {
    valid = fc.oneof(
      ...(schema.anyOf ?? schema.oneOf ?? []).map((b) => build(b, opts, { ...site, schema: b })),
    );
  } else if (schema.allOf) {
    valid = build(mergeAll(schema.allOf), opts, site);
  } else {
    const t = mainType(schema);
    switch (t) {
      case 'string':
        valid = stringValid(schema, now);
        break;
      case 'integer':
        valid = integerValid(schema);
        break;
      case 'number':
        valid = numberValid(schema);
        break;
      case 'boolean':
        valid = fc.boolean();
        break;
      case 'null':
        valid = fc.constant(null);
        break;
      case 'object':
        valid = objectArbitrary(schema, opts, site);
        break;
      case 'array': {
        const items = schema.items ?? {};
        const minLength = schema.minItems ?? 0;
        const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 6, 6));
        valid = fc.array(build(items, opts, { ...site, schema: items }), { minLength, maxLength });
        break;
      }
      default:
        // No type at all: anything JSON.
        valid = fc.jsonValue({ maxDepth: 2 });
    }
  }
  if (isNullable(schema) && !('const' in schema)) {
    valid = fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(null) });
  }
  // An object mixes edge cases in at its leaves; a leaf or an array mixes them in here.
  if (edgeWeight <= 0 || mainType(schema) === 'object') return valid;
  const edge = hinted?.edge
    ? fc.oneof(hinted.edge, edgeArbitrary(schema, opts))
    : edgeArbitrary(schema, opts);
  return fc.oneof({ weight: 10, arbitrary: valid }, { weight: edgeWeight, arbitrary: edge });
}

function mergeAll(parts: JsonSchema[]): JsonSchema {
  return parts.reduce<JsonSchema>(
    (acc, p) => ({
      ...acc,
      ...p,
      properties: { ...acc.properties, ...p.properties },
      required: [...(acc.required ?? []), ...(p.required ?? [])],
    }),
    {},
  );
}

function objectArbitrary(
  schema: JsonSchema,
  opts: ArbitraryOptions,
  site: SchemaSite,
): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const names = Object.keys(props);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) {
    const child = props[name]!;
    model[name] = build(child, opts, { path: [...site.path, name], schema: child, siblings: names });
  }
  const required = (schema.required ?? []).filter((r) => r in props);
  const record = fc.record(model, { requiredKeys: required });
  if (schema.additionalProperties === false || schema.additionalProperties === undefined) return record;
  const extra =
    typeof schema.additionalProperties === 'object'
      ? build(schema.additionalProperties, opts, { ...site, schema: schema.additionalProperties })
      : fc.jsonValue({ maxDepth: 1 });
  return fc
    .tuple(record, fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), extra, { maxKeys: 2 }))
    .map(([r, d]) => ({ ...d, ...(r as object) }));
}

/**
 * Values of the schema's own JSON type at and beyond its limits, and hostile content: what the
 * boundary of an API exists to refuse cleanly (or accept without breaking).
 */
export function edgeArbitrary(schema: JsonSchema, opts: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const t = mainType(schema) ?? (schema.enum ? jsonType(schema.enum[0]) : undefined);
  const query = opts.inQuery === true;
  switch (t) {
    case 'integer':
    case 'number': {
      const { min, max } = bounds(schema, t === 'integer');
      const around = [min, max, min - 1, max + 1].filter((n) => Number.isFinite(n) && Math.abs(n) < 1e300);
      const nums = fc.constantFrom(...around, ...EDGE_INTEGERS, 0.5, -1.5, 1e21, 2 ** 53 + 2);
      return query ? fc.oneof(nums, fc.constantFrom(...NUMERIC_JUNK)) : nums;
    }
    case 'string': {
      const maxLength = schema.maxLength ?? 4096;
      const minLength = schema.minLength ?? 0;
      const lengths = [
        fc.constant('z'.repeat(maxLength + 1)),
        fc.constant(minLength > 0 ? 'z'.repeat(minLength - 1) : ''),
      ];
      const byFormat =
        schema.format === 'date'
          ? [fc.constantFrom(...FAR_DATES)]
          : schema.format === 'date-time'
            ? [fc.constantFrom(...FAR_INSTANTS)]
            : schema.format === 'uuid'
              ? [
                  fc.constantFrom(
                    '00000000-0000-0000-0000-000000000000',
                    'ffffffff-ffff-ffff-ffff-ffffffffffff',
                    'not-a-uuid',
                    '{12345678-1234-1234-1234-123456789abc}',
                  ),
                ]
              : [];
      const fromEnum = schema.enum
        ? [
            fc.constantFrom(
              ...schema.enum.map((v) => String(v).toUpperCase()),
              ' ',
              `${String(schema.enum[0])} `,
            ),
          ]
        : [];
      return fc.oneof(
        hostileString(Math.min(maxLength, 4096)),
        ...lengths,
        ...byFormat,
        ...fromEnum,
        validArbitrary({ ...schema, format: undefined, pattern: undefined, enum: undefined }, opts)
          .filter((s): s is string => typeof s === 'string')
          .chain((s) => withForbiddenControl(s)),
      );
    }
    case 'boolean':
      return query ? fc.constantFrom('TRUE', '1', 'yes', '') : fc.constantFrom(true, false);
    case 'array': {
      const items = schema.items ?? {};
      const over = (schema.maxItems ?? 50) + 1;
      return fc.oneof(
        fc.constant([]),
        fc.array(validArbitrary(items, opts), {
          minLength: Math.min(over, 300),
          maxLength: Math.min(over, 300),
        }),
        fc.array(edgeArbitrary(items, opts), { minLength: 1, maxLength: 3 }),
      );
    }
    case 'object':
      return fc.oneof(
        fc.constant({}),
        fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
      );
    default:
      return fc.oneof(hostileString(), fc.constantFrom(...EDGE_INTEGERS), fc.constant(null));
  }
}

/**
 * A JSON value of a type the schema does not admit. Numeric-looking strings are left out on
 * purpose: a field that coerces may accept them, and this value must be refusable by any reading.
 */
export function wrongTypeArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const allowed = typesOf(schema);
  if (allowed.size === 0) return undefined;
  const candidates: [string, fc.Arbitrary<unknown>][] = [
    ['string', fc.constantFrom('abc', 'x\u00e9', '')],
    ['integer', fc.constantFrom(0, 7, -3, 2147483648)],
    ['number', fc.constantFrom(0.5, -2.25)],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.constantFrom([], [1, 'a'])],
    ['object', fc.constantFrom({}, { a: 1 })],
  ];
  const choices = candidates
    .filter(([type]) => {
      if (allowed.has(type)) return false;
      // An integer is a number, and 0.5 is no integer but is a number.
      if (type === 'integer' && allowed.has('number')) return false;
      // A string field may hold '' or 'abc' by its enum only when it has one; keep strings out.
      if (type === 'string' && allowed.has('string')) return false;
      return true;
    })
    .map(([, a]) => a);
  return choices.length ? fc.oneof(...choices) : undefined;
}
