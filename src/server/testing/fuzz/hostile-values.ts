import fc from 'fast-check';

/**
 * Values that have broken APIs before: far and impossible dates, integers at column-type edges,
 * control characters, scripts that change direction, astral-plane characters, long strings.
 */

/** Dates at the edges of what a DATE column, JS Date and luxon accept, and some that do not exist. */
export const FAR_DATES = [
  '0001-01-01',
  '0020-02-29',
  '0000-01-01',
  '1582-10-10',
  '1900-02-29',
  '1969-12-31',
  '1970-01-01',
  '2000-02-29',
  '2038-01-19',
  '2100-02-29',
  '9999-12-27',
  '9999-12-31',
  '10000-01-01',
  '+275760-09-13',
  '-000001-01-01',
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-1-5',
  '20261124',
] as const;

export const FAR_INSTANTS = [
  '0001-01-01T00:00:00Z',
  '0020-02-29T12:00:00Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999999999+14:00',
  '1970-01-01T00:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T05:30:00Z',
  '2026-11-24T25:00:00Z',
  '2026-11-24T10:00:00-23:59',
] as const;

export const ODD_TIMES = [
  '00:00',
  '23:45',
  '23:59',
  '24:00',
  '24:01',
  '25:00',
  '12:07',
  '-01:00',
  '9:00',
  '09:00:00',
  '99:99',
  '02:30',
] as const;

/** Integers at the edges of int2/int4/int8 and of JS's safe range. */
export const EDGE_INTEGERS = [
  0, -1, 1, 32767, 32768, -32769, 2147483647, 2147483648, -2147483648, -2147483649, 4294967296,
  9007199254740991, 9007199254740992, -9007199254740992,
] as const;

/** Numbers that are not integers or not finite once a query string is coerced. */
export const NUMERIC_JUNK = [
  '1.5',
  '-0',
  '1e3',
  '1e309',
  '0x10',
  'NaN',
  'Infinity',
  '-Infinity',
  ' 7',
  '7 ',
  '+5',
  '',
  '99999999999999999999999999',
  '１２',
] as const;

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i));

/** The C0 control characters a string field must refuse: all but tab, newline and carriage return. */
export const FORBIDDEN_CONTROLS = C0.filter((c) => c !== '\t' && c !== '\n' && c !== '\r');

export const STRANGE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007bell',
  'tab\there',
  'line\nbreak',
  '\r\n',
  '\u007f',
  '\u200b',
  '\ufeffbom',
  '\ud83c\udfb9 piano \ud83d\udc69\u200d\ud83c\udfeb',
  '\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627',
  '\u202eevil\u202c',
  'Z\u0351\u0300\u0317a\u0301lgo',
  '\ud800',
  "'; DROP TABLE users; --",
  '%00',
  '%',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '0',
  '-1',
  'NaN',
  ...FAR_DATES.slice(0, 4),
] as const;

/** An arbitrary string built to hurt: the list above, C0 splices, unicode soup, and 4 kB. */
export const hostileString = (maxLength = 4096): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...STRANGE_STRINGS) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...C0), fc.string({ maxLength: 8 }))
        .map(([a, c, b]) => a + c + b),
    },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('x', '\u00e9', '\ud83c\udfb9', '\u05d0')
        .map((ch) => ch.repeat(Math.max(1, Math.floor(Math.min(maxLength, 4096) / ch.length)))),
    },
    { weight: 1, arbitrary: fc.constant('x'.repeat(maxLength + 1)) },
  );

/** A string that carries at least one forbidden control character somewhere. */
export const withForbiddenControl = (base: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...FORBIDDEN_CONTROLS), fc.nat({ max: base.length }))
    .map(([c, at]) => base.slice(0, at) + c + base.slice(at));
