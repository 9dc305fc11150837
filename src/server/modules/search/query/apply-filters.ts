import type { BoroughSlug } from '../../../../contracts/areas.generated.js';
import type { TimeOfDay } from '../../../../contracts/lesson-vocabulary.js';
import type { AgeGroup, Format, Level } from './facets.js';
import type { ParsedQuery } from './parse-query.js';
import { WINDOWS } from './when.js';

/** `any` removes what the text said; a value replaces it; absent leaves the parse alone. */
export type Override<T> = T | 'any' | undefined;

/** The filter panel and interpretation chips of the web app, as validated query params. */
export interface SearchFilters {
  /** Cents per hour. */
  priceMaxCents?: Override<number>;
  priceMinCents?: Override<number>;
  borough?: Override<BoroughSlug>;
  format?: Override<Format>;
  level?: Override<Level>;
  age?: Override<AgeGroup>;
  /** YYYY-MM-DD in the searcher's zone. */
  date?: Override<string>;
  timeOfDay?: Override<TimeOfDay>;
  duration?: Override<number>;
}

const valueOf = <T>(o: Override<T>): T | null => (o === 'any' || o === undefined ? null : o);

function price(f: SearchFilters): Partial<ParsedQuery> {
  const out: Partial<ParsedQuery> = {};
  // An explicit cap, or its removal, replaces "cheap" too: that is a cap derived from the rates.
  if (f.priceMaxCents !== undefined) {
    out.priceMaxCents = valueOf(f.priceMaxCents);
    out.cheap = false;
  }
  if (f.priceMinCents !== undefined) out.priceMinCents = valueOf(f.priceMinCents);
  return out;
}

function place(f: SearchFilters): Partial<ParsedQuery> {
  if (f.borough === undefined) return {};
  // A chosen borough is explicit, so neither a parsed neighbourhood nor "near me" stays.
  return { borough: valueOf(f.borough), neighborhood: null, nearMe: false };
}

function when(f: SearchFilters): Partial<ParsedQuery> {
  const out: Partial<ParsedQuery> = {};
  if (f.date !== undefined) {
    out.date = valueOf(f.date);
    out.dateTo = null;
  }
  if (f.timeOfDay !== undefined) {
    const tod = valueOf(f.timeOfDay);
    // The window replaces any parsed clock time ("after 5pm"): the ranker filters on the minutes.
    const [from, to] = tod ? WINDOWS[tod] : [null, null];
    out.timeOfDay = tod;
    out.timeFromMinutes = from;
    out.timeToMinutes = to;
  }
  return out;
}

function facets(f: SearchFilters): Partial<ParsedQuery> {
  const out: Partial<ParsedQuery> = {};
  if (f.format !== undefined) out.format = valueOf(f.format);
  if (f.level !== undefined) out.level = valueOf(f.level);
  if (f.age !== undefined) out.ageGroup = valueOf(f.age);
  if (f.duration !== undefined) out.durationMinutes = valueOf(f.duration);
  return out;
}

/** The parse with the caller's explicit filters laid over it; the input is left untouched. */
export function applyFilters(parsed: ParsedQuery, filters: SearchFilters): ParsedQuery {
  return {
    ...parsed,
    ...price(filters),
    ...place(filters),
    ...when(filters),
    ...facets(filters),
  };
}
