import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonSchema } from './json-schema-arbitrary.js';
import { edgeArbitrary, typesOf, validArbitrary, wrongTypeArbitrary } from './json-schema-arbitrary.js';

/** The same conversion the API's OpenAPI document goes through, in zod's own flavour. */
const toJson = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as JsonSchema;

const now = new Date('2026-11-24T15:00:00Z');

const cases: [string, z.ZodType][] = [
  ['bounded integer', z.number().int().min(15).max(240)],
  ['multiple of 15', z.number().int().min(15).max(240).multipleOf(15)],
  ['huge maximum', z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)],
  ['bounded string', z.string().min(5).max(12)],
  ['enum', z.enum(['online', 'instructor_place', 'student_place'])],
  ['pattern', z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)],
  ['iso date', z.iso.date()],
  ['iso datetime with offset', z.iso.datetime({ offset: true })],
  ['uuid', z.uuid()],
  ['nullable string', z.string().max(300).nullable()],
  ['union of enum and integer', z.union([z.literal('any'), z.number().int().min(1).max(10_000)])],
  [
    'array bounds',
    z
      .array(z.enum(['kids', 'teens', 'adults']))
      .min(1)
      .max(3),
  ],
  [
    'strict object',
    z.strictObject({
      instructorServiceId: z.string().max(64),
      durationMinutes: z.number().int().min(15).max(240),
      note: z.string().max(1000).optional(),
      flags: z.array(z.boolean()).max(4).optional(),
    }),
  ],
  [
    'discriminated operations',
    z.strictObject({
      operations: z
        .array(
          z.discriminatedUnion('action', [
            z.strictObject({ action: z.literal('add'), date: z.string() }),
            z.strictObject({ action: z.literal('remove'), date: z.string(), end: z.string() }),
          ]),
        )
        .min(1)
        .max(5),
    }),
  ],
];

describe('JSON Schema → fast-check arbitraries', () => {
  it.each(cases)('valid values of a %s pass the zod schema they came from', (_, schema) => {
    fc.assert(
      fc.property(validArbitrary(toJson(schema), { now }), (v) => {
        expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it.each(cases)('wrong-type values of a %s are all refused', (_, schema) => {
    const wrong = wrongTypeArbitrary(toJson(schema));
    if (!wrong) return;
    fc.assert(
      fc.property(wrong, (v) => {
        expect(schema.safeParse(v).success, JSON.stringify(v)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('edge values keep the JSON type and step outside the limits', () => {
    const int = toJson(z.number().int().min(15).max(240));
    const seen = fc.sample(edgeArbitrary(int), { numRuns: 300, seed: 1 }) as number[];
    expect(seen.every((v) => typeof v === 'number')).toBe(true);
    expect(seen).toEqual(expect.arrayContaining([14, 241, 2147483648]));

    const str = toJson(z.string().max(10));
    const strings = fc.sample(edgeArbitrary(str), { numRuns: 500, seed: 2 }) as string[];
    expect(strings.every((v) => typeof v === 'string')).toBe(true);
    expect(strings.some((s) => s.length === 11)).toBe(true);
    const forbidden = (s: string) => [...s].some((c) => c.charCodeAt(0) < 32 && !'\t\n\r'.includes(c));
    expect(strings.some(forbidden)).toBe(true);

    const date = toJson(z.iso.date());
    expect(fc.sample(edgeArbitrary(date), { numRuns: 300, seed: 3 })).toEqual(
      expect.arrayContaining(['9999-12-31', '0020-02-29']),
    );
  });

  it('query edges include text that coerces badly', () => {
    const int = toJson(z.coerce.number().int().min(1));
    const seen = fc.sample(edgeArbitrary(int, { inQuery: true }), { numRuns: 400, seed: 4 });
    expect(seen).toEqual(expect.arrayContaining(['NaN', '1e309']));
  });

  it('hints replace generators where the schema says too little', () => {
    const schema = toJson(z.strictObject({ date: z.string(), other: z.string().max(3) }));
    const values = fc.sample(
      validArbitrary(schema, {
        hint: ({ path }) => (path.at(-1) === 'date' ? { valid: fc.constant('2026-11-25') } : undefined),
      }),
      { numRuns: 50, seed: 5 },
    ) as { date: string }[];
    expect(new Set(values.map((v) => v.date))).toEqual(new Set(['2026-11-25']));
  });

  it('reads the types a schema admits through unions and nullable', () => {
    expect([...typesOf(toJson(z.union([z.literal('any'), z.number().int()])))].sort()).toEqual([
      'integer',
      'number',
      'string',
    ]);
    expect(typesOf(toJson(z.string().nullable())).has('null')).toBe(true);
  });
});
