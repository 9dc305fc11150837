import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CONTROL_MESSAGE,
  INT4_MAX,
  MAX_MONEY_CENTS,
  calendarDate,
  cents,
  hasControlCharacters,
  instant,
  int,
  isCalendarDate,
  queryCents,
  queryInt,
  strictParams,
  text,
} from './primitives.js';

const messages = (r: { success: boolean; error?: z.ZodError }) => r.error?.issues.map((i) => i.message) ?? [];

describe('text', () => {
  const line = text({ max: 10 });
  const lines = text({ max: 20, multiline: true });

  it('refuses NUL, every other C0 control character and DEL, with a plain message', () => {
    const bad = [0x00, 0x01, 0x08, 0x09, 0x0a, 0x0b, 0x0d, 0x1b, 0x1f, 0x7f].map(
      (c) => `a${String.fromCharCode(c)}b`,
    );
    for (const v of bad) {
      const r = line.safeParse(v);
      expect(r.success, JSON.stringify(v)).toBe(false);
      expect(messages(r)).toContain(CONTROL_MESSAGE);
    }
  });

  it('accepts ordinary text, accents and emoji, and trims it', () => {
    expect(line.parse('  Zoë 🎹 ')).toBe('Zoë 🎹');
    expect(text({ max: 10, trim: false }).parse(' a ')).toBe(' a ');
  });

  it('refuses a control character at either end instead of trimming it away', () => {
    for (const v of ['\fjP', 'jP\f', '\tname', 'name\n', '\u0000'])
      expect(line.safeParse(v).success, v).toBe(false);
  });

  it('multi-line text keeps tab and newline, turns CRLF and CR into LF, still refuses the rest', () => {
    expect(lines.parse('one\ttwo\r\nthree\rfour')).toBe('one\ttwo\nthree\nfour');
    expect(lines.safeParse('one\u0000two').success).toBe(false);
    expect(lines.safeParse('one\u000btwo').success).toBe(false);
    expect(lines.safeParse('one\u007ftwo').success).toBe(false);
  });

  it('bounds the length, counting after trimming', () => {
    expect(line.safeParse('x'.repeat(11)).success).toBe(false);
    expect(line.safeParse(` ${'x'.repeat(10)} `).success).toBe(true);
    expect(messages(text({ min: 1, max: 5, minMessage: 'Enter your name.' }).safeParse('   '))).toEqual([
      'Enter your name.',
    ]);
  });

  it('hasControlCharacters allows only tab and line feed, and only when multi-line', () => {
    expect(hasControlCharacters('a\tb')).toBe(true);
    expect(hasControlCharacters('a\tb\nc', true)).toBe(false);
    expect(hasControlCharacters('a\rb', true)).toBe(true);
    expect(hasControlCharacters('é\u00a0€')).toBe(false);
  });
});

describe('calendarDate', () => {
  const date = calendarDate();

  it('accepts real dates inside 1900-01-01..2199-12-31, both ends included', () => {
    for (const d of ['1900-01-01', '2024-02-29', '2026-11-24', '2199-12-31']) expect(date.parse(d)).toBe(d);
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const d of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-1-5', '20260105', ''])
      expect(date.safeParse(d).success, d).toBe(false);
  });

  it('refuses years outside the window, two-digit-looking years included', () => {
    for (const d of ['0020-02-29', '0001-01-01', '1899-12-31', '2200-01-01', '9999-12-31']) {
      const r = date.safeParse(d);
      expect(r.success, d).toBe(false);
      expect(messages(r)[0]).toMatch(/1900-01-01 to 2199-12-31/);
    }
  });

  it('isCalendarDate reads years below 1000 as written, not as 19xx', () => {
    // Date.UTC(20, 1, 29) is 1920-02-29; year 20 was a leap year too, year 1900 was not.
    expect(isCalendarDate('0020-02-29')).toBe(true);
    expect(isCalendarDate('0100-02-29')).toBe(false);
    expect(isCalendarDate('0000-01-01')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
  });
});

describe('instant', () => {
  const at = instant();

  it('accepts ISO-8601 with Z or an offset inside the window', () => {
    for (const v of ['2026-11-24T15:00:00Z', '2026-11-24T10:00:00-05:00', '1900-01-01T00:00:00Z'])
      expect(at.parse(v)).toBe(v);
  });

  it('refuses instants outside the window, impossible days and zone-less times', () => {
    for (const v of [
      '9999-12-31T10:00:00Z',
      '0001-01-01T10:00:00Z',
      '1899-12-31T23:59:59Z',
      '2200-01-01T00:00:00Z',
      '2026-02-30T10:00:00Z',
      '2026-11-24T15:00:00',
      'tomorrow',
    ])
      expect(at.safeParse(v).success, v).toBe(false);
  });
});

describe('integers', () => {
  it('int stops at the int4 ceiling whatever max is asked for', () => {
    expect(int().parse(INT4_MAX)).toBe(INT4_MAX);
    expect(int().safeParse(INT4_MAX + 1).success).toBe(false);
    expect(int({ max: Number.MAX_SAFE_INTEGER }).safeParse(INT4_MAX + 1).success).toBe(false);
    expect(int().safeParse(-1).success).toBe(false);
    expect(int().safeParse(1.5).success).toBe(false);
  });

  it('int with a step refuses values off the step, with one message', () => {
    const d = int({ min: 15, max: 240, step: 15, message: 'Use steps of 15.' });
    expect(d.parse(45)).toBe(45);
    expect(messages(d.safeParse(50))).toEqual(['Use steps of 15.']);
  });

  it('cents stop at $100,000', () => {
    expect(cents().parse(MAX_MONEY_CENTS)).toBe(MAX_MONEY_CENTS);
    expect(cents().safeParse(MAX_MONEY_CENTS + 1).success).toBe(false);
    expect(cents({ max: INT4_MAX }).safeParse(MAX_MONEY_CENTS + 1).success).toBe(false);
  });

  it('queryInt reads digits only: no empty value, exponent, hex or fraction slips through', () => {
    const q = queryInt({ min: 0, max: 100 });
    expect(q.parse('42')).toBe(42);
    for (const v of ['', ' ', '1e2', '0x10', '4.5', '+5', 'abc', '101'])
      expect(q.safeParse(v).success, v).toBe(false);
    expect(queryInt().safeParse('2147483648').success).toBe(false);
    expect(queryInt().safeParse('9'.repeat(40)).success).toBe(false);
    expect(queryCents().safeParse('2147483648').success).toBe(false);
    expect(queryCents().parse('10000000')).toBe(MAX_MONEY_CENTS);
  });
});

describe('strictParams', () => {
  it('refuses an unknown parameter and names it', () => {
    const s = strictParams({ page: queryInt().optional() });
    expect(s.parse({ page: '2' })).toEqual({ page: 2 });
    expect(messages(s.safeParse({ page: '2', pgae: '3' }))).toEqual(['Unknown parameter: pgae.']);
  });
});
