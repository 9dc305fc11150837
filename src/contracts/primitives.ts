// The building blocks of every request contract: strings, dates, instants and integers that are
// refused at the boundary when the database or the business could not take them. Shared by the
// server and the web app, so nothing here may import server code.
import { z } from 'zod';

/** Largest value of a PostgreSQL `integer` (int4) column. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;
/** No price, rate or fee in the product comes near $100,000. */
export const MAX_MONEY_CENTS = 10_000_000;
/** Dates and instants outside this window are typing mistakes, and break date arithmetic. */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2199-12-31';
const MIN_INSTANT_MS = Date.parse(`${MIN_DATE}T00:00:00.000Z`);
const MAX_INSTANT_MS = Date.parse(`${MAX_DATE}T23:59:59.999Z`);

export const CONTROL_MESSAGE = 'Remove control characters.';
export const DATE_MESSAGE = 'Use a real date as YYYY-MM-DD.';
export const DATE_WINDOW_MESSAGE = `Use a date from ${MIN_DATE} to ${MAX_DATE}.`;
export const INSTANT_MESSAGE = 'Use an ISO-8601 date and time with a zone, such as 2026-05-01T15:00:00Z.';
export const INSTANT_WINDOW_MESSAGE = `Use a time between ${MIN_DATE} and ${MAX_DATE}.`;

const TAB = 0x09;
const LF = 0x0a;

/**
 * True when `value` holds a C0 control character (U+0000–U+001F) or DEL; tab and line feed are
 * allowed in multi-line text. PostgreSQL cannot store NUL at all, and the rest corrupt logs,
 * CSV exports and emails.
 */
export function hasControlCharacters(value: string, multiline = false): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x7f) return true;
    if (c < 0x20 && !(multiline && (c === TAB || c === LF))) return true;
  }
  return false;
}

export interface TextOptions {
  max: number;
  min?: number;
  /** Allows tab and line breaks; CRLF and CR become LF so stored text has one kind of line break. */
  multiline?: boolean;
  /** On by default: people's text is trimmed. Off for secrets, tokens and ids, taken as sent. */
  trim?: boolean;
  minMessage?: string;
  maxMessage?: string;
  /** When the value is missing or not a string. */
  typeMessage?: string;
}

/** A string field: bounded length and no control characters. Chain `.refine`/`.regex` for more. */
export function text(o: TextOptions) {
  const { max, min = 0, multiline = false, trim = true } = o;
  let s = o.typeMessage ? z.string({ error: o.typeMessage }) : z.string();
  if (multiline) s = s.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  // Checked before trimming, so a control character at either end is refused, not silently cut.
  s = s.refine((v) => !hasControlCharacters(v, multiline), CONTROL_MESSAGE);
  if (trim) s = s.trim();
  if (min > 0) {
    s = s.min(min, o.minMessage ?? (min === 1 ? 'Must not be empty.' : `Use at least ${min} characters.`));
  }
  return s.max(max, o.maxMessage ?? `Use at most ${max} characters.`);
}

/** An id or slug in a path or query: anything unknown or malformed is the service's 404. */
export const idText = (max = 64) => text({ max, trim: false });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "YYYY-MM-DD" naming a day that exists (no 02-30), any four-digit year. `setUTCFullYear` is
 * used because `Date.UTC` reads years 0–99 as 1900–1999.
 */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(0);
  probe.setUTCFullYear(y, mo - 1, d);
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** A calendar date inside the window; "YYYY-MM-DD" strings compare in date order. */
export const isDateInWindow = (value: string): boolean =>
  isCalendarDate(value) && value >= MIN_DATE && value <= MAX_DATE;

/** A calendar date `YYYY-MM-DD` from 1900-01-01 to 2199-12-31. */
export function calendarDate(message = DATE_MESSAGE) {
  return z.string({ error: message }).superRefine((v, ctx) => {
    if (!isCalendarDate(v)) ctx.addIssue({ code: 'custom', message });
    else if (!isDateInWindow(v)) ctx.addIssue({ code: 'custom', message: DATE_WINDOW_MESSAGE });
  });
}

/** An ISO-8601 instant with `Z` or an offset, inside the same window (judged in UTC). */
export function instant(message = INSTANT_MESSAGE) {
  return z.iso.datetime({ offset: true, error: message }).superRefine((v, ctx) => {
    const ms = Date.parse(v);
    if (!(ms >= MIN_INSTANT_MS && ms <= MAX_INSTANT_MS)) {
      ctx.addIssue({ code: 'custom', message: INSTANT_WINDOW_MESSAGE });
    }
  });
}

export interface IntOptions {
  /** Default 0: counts, minutes and cents are never negative. */
  min?: number;
  /** Default and ceiling: the int4 column maximum. */
  max?: number;
  /** The value must be a multiple of this. */
  step?: number;
  /** One message for every failure (type, fraction, bounds, step). */
  message?: string;
}

const intBounds = (o: IntOptions) => {
  const min = Math.max(o.min ?? 0, INT4_MIN);
  const max = Math.min(o.max ?? INT4_MAX, INT4_MAX);
  return { ...o, min, max, message: o.message ?? `Use a whole number from ${min} to ${max}.` };
};
const centsBounds = (o: IntOptions) => {
  const min = Math.max(o.min ?? 0, 0);
  const max = Math.min(o.max ?? MAX_MONEY_CENTS, MAX_MONEY_CENTS);
  return { ...o, min, max, message: o.message ?? `Use whole cents from ${min} to ${max}.` };
};

function bounded(o: Required<Pick<IntOptions, 'min' | 'max' | 'message'>> & IntOptions) {
  const n = z.number({ error: o.message }).int(o.message).min(o.min, o.message).max(o.max, o.message);
  return o.step ? n.multipleOf(o.step, o.message) : n;
}

/**
 * Query strings and paths carry text. Only digits (and a leading minus) are read, so "1e3",
 * "0x10" or an empty value never silently become 1000, 16 or 0 as `z.coerce` would make them.
 */
function fromQuery(o: Required<Pick<IntOptions, 'min' | 'max' | 'message'>> & IntOptions) {
  return z
    .string({ error: o.message })
    .regex(/^-?\d{1,16}$/, o.message)
    .transform(Number)
    .pipe(bounded(o));
}

/** A whole number inside its column type and business bounds (JSON bodies). */
export const int = (o: IntOptions = {}) => bounded(intBounds(o));
/** Money as integer cents, from 0 to $100,000 unless narrowed. */
export const cents = (o: IntOptions = {}) => bounded(centsBounds(o));
/** `int` read from a query string or path. */
export const queryInt = (o: IntOptions = {}) => fromQuery(intBounds(o));
/** `cents` read from a query string or path. */
export const queryCents = (o: IntOptions = {}) => fromQuery(centsBounds(o));

/**
 * The shape of a query string or path: a parameter the route does not know is refused, like an
 * unknown body field, instead of being silently ignored.
 */
export function strictParams<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`
        : undefined,
  });
}

/** The query string of a route that takes no parameters: any parameter sent is refused. */
export const noQuery = strictParams({});
