import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../../../contracts/search.js';
import { SEARCH_TEST_NOW, searchOk, useSearchTestApp } from '../search.test-helpers.js';

/**
 * One realistic query and what a person typing it means. A field left out means "the query says
 * nothing about it": the parser must leave it empty. `services` lists the acceptable services (the
 * parse must name at least one and nothing else); `category` and `broad` are the other two readings.
 * Dates are absolute because the clock stands at SEARCH_TEST_NOW (Tuesday 24 November 2026).
 */
interface Case {
  query: string;
  services?: string[];
  category?: string;
  broad?: boolean;
  price?: { max?: number; min?: number; cheap?: boolean };
  /** YYYY-MM-DD, or first..last. */
  date?: string;
  /** morning/afternoon/evening, or HH:MM-HH:MM, or HH:MM when only the start is meant ("at 7pm"). */
  time?: string;
  /** borough, borough/neighbourhood, or "near me". */
  place?: string;
  format?: string;
  level?: string;
  age?: string;
  duration?: number;
  /** Set when the parser still gets this case wrong: the reason, reported apart and not failed. */
  knownMiss?: string;
}

const FIELDS = [
  'services',
  'category',
  'price',
  'date',
  'time',
  'place',
  'format',
  'level',
  'age',
  'duration',
] as const;
type Field = (typeof FIELDS)[number];

/**
 * Precision and recall may not fall below these (what the set reaches today, rounded down).
 * Raise them when the parser improves.
 */
const FLOORS: Record<Field, { precision: number; recall: number }> = {
  services: { precision: 0.98, recall: 0.98 },
  category: { precision: 1, recall: 1 },
  price: { precision: 1, recall: 1 },
  date: { precision: 1, recall: 1 },
  time: { precision: 1, recall: 1 },
  place: { precision: 1, recall: 1 },
  format: { precision: 1, recall: 1 },
  level: { precision: 1, recall: 1 },
  age: { precision: 1, recall: 1 },
  duration: { precision: 1, recall: 1 },
};

const REPORT = new URL('../../../../../docs/RELEVANCE.md', import.meta.url);

const cases = JSON.parse(readFileSync(new URL('./relevance-set.json', import.meta.url), 'utf8')) as Case[];

const app = useSearchTestApp();

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The parse of one field as a comparable string, null when the search understood nothing there. */
function got(field: Exclude<Field, 'services'>, b: SearchResponse): string | null {
  const p = b.parsed;
  switch (field) {
    case 'category':
      return b.interpretation === 'category' ? p.category : null;
    case 'price':
      if (p.cheap) return 'cheap';
      return p.priceMaxCents === null && p.priceMinCents === null
        ? null
        : `${p.priceMinCents ?? ''}-${p.priceMaxCents ?? ''}`;
    case 'date':
      return p.date === null ? null : p.dateTo && p.dateTo !== p.date ? `${p.date}..${p.dateTo}` : p.date;
    case 'time':
      if (p.timeOfDay) return p.timeOfDay;
      return p.timeFromMinutes === null
        ? null
        : `${hm(p.timeFromMinutes)}-${p.timeToMinutes === null ? '' : hm(p.timeToMinutes)}`;
    case 'place':
      if (p.nearMe) return 'near me';
      return p.borough === null ? null : p.neighborhood ? `${p.borough}/${p.neighborhood}` : p.borough;
    case 'format':
      return p.format;
    case 'level':
      return p.level;
    case 'age':
      return p.ageGroup;
    case 'duration':
      return p.durationMinutes === null ? null : String(p.durationMinutes);
  }
}

function expected(field: Exclude<Field, 'services'>, c: Case): string | null {
  switch (field) {
    case 'price':
      return c.price ? (c.price.cheap ? 'cheap' : `${c.price.min ?? ''}-${c.price.max ?? ''}`) : null;
    case 'duration':
      return c.duration === undefined ? null : String(c.duration);
    default:
      return (c[field] as string | undefined) ?? null;
  }
}

/** "19:00" means the start only: it matches any parse that starts then. */
const same = (field: Field, want: string, have: string) =>
  want === have || (field === 'time' && /^\d\d:\d\d$/.test(want) && have.startsWith(`${want}-`));

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Scores one case into the tallies; returns what it got wrong, field by field. */
function score(c: Case, b: SearchResponse, tallies: Record<Field, Tally>): string[] {
  const wrong: string[] = [];
  // Services: every named slug is a hit or a false alarm; a case that names services and gets
  // none of them is a miss.
  const slugs = b.parsed.services.map((s) => s.slug);
  const ok = new Set(c.services ?? []);
  const extra = slugs.filter((s) => !ok.has(s));
  const hits = slugs.length - extra.length;
  tallies.services.tp += hits;
  tallies.services.fp += extra.length;
  if (c.services && hits === 0) tallies.services.fn += 1;
  if (extra.length) wrong.push(`services +${extra.join(',')}`);
  if (c.services && hits === 0) wrong.push(`services none of ${c.services.join(',')} (${b.interpretation})`);
  if (c.broad && b.interpretation !== 'broad') wrong.push(`not broad (${b.interpretation})`);
  for (const field of FIELDS) {
    if (field === 'services') continue;
    const want = expected(field, c);
    const have = got(field, b);
    const t = tallies[field];
    if (want !== null && have !== null && same(field, want, have)) t.tp += 1;
    else {
      if (have !== null) t.fp += 1;
      if (want !== null) t.fn += 1;
      if (want !== have) wrong.push(`${field} ${have ?? '∅'} (want ${want ?? '∅'})`);
    }
  }
  return wrong;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function table(tallies: Record<Field, Tally>): string {
  const rows = FIELDS.map((f) => {
    const t = tallies[f];
    const p = ratio(t.tp, t.tp + t.fp);
    const r = ratio(t.tp, t.tp + t.fn);
    return `| ${f} | ${t.tp + t.fn} | ${p.toFixed(3)} | ${r.toFixed(3)} | ${FLOORS[f].precision} / ${FLOORS[f].recall} |`;
  });
  return [
    '| field | expected (hits + misses) | precision | recall | floor (p / r) |',
    '|---|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

describe('relevance set', () => {
  it('has at least 200 queries, half of them with two or more constraints, each stated once', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const multi = cases.filter((c) => FIELDS.filter((f) => c[f] !== undefined).length >= 2);
    expect(multi.length * 2).toBeGreaterThanOrEqual(cases.length);
    expect(new Set(cases.map((c) => c.query.toLowerCase())).size).toBe(cases.length);
    for (const c of cases)
      expect(
        [c.services, c.category, c.broad].filter((x) => x !== undefined),
        c.query,
      ).toHaveLength(1);
  });

  it('reads every field of every case as a person means it, known misses apart; precision and recall per field above the floors', async () => {
    const tallies = Object.fromEntries(FIELDS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<
      Field,
      Tally
    >;
    const regressions: string[] = [];
    const known: string[] = [];
    const fixed: string[] = [];
    for (const c of cases) {
      const b = await searchOk<SearchResponse>(app.t, c.query);
      const wrong = score(c, b, tallies);
      if (c.knownMiss) {
        if (wrong.length) known.push(`${c.query} → ${wrong.join('; ')} — ${c.knownMiss}`);
        else fixed.push(c.query);
      } else if (wrong.length) regressions.push(`${c.query} → ${wrong.join('; ')}`);
    }
    const report = [
      `Relevance set: ${cases.length} queries (src/server/modules/search/relevance/relevance-set.json), clock at ${SEARCH_TEST_NOW}.`,
      '',
      table(tallies),
      '',
      `Known misses (${known.length}):`,
      ...known.map((k) => `- ${k}`),
    ].join('\n');
    console.log(
      `${report}${fixed.length ? `\n\nKnown misses that now pass (drop their knownMiss): ${fixed.join(' | ')}` : ''}${regressions.length ? `\n\nREGRESSIONS:\n  ${regressions.join('\n  ')}` : ''}` +
        `\n\n(written to docs/RELEVANCE.md when RELEVANCE_WRITE=1)`,
    );
    if (process.env.RELEVANCE_WRITE === '1')
      writeFileSync(
        REPORT,
        `# Search relevance\n\nWritten by \`RELEVANCE_WRITE=1 npx vitest run src/server/modules/search/relevance/relevance.test.ts\`.\nA case counts a field as a hit when the parse equals what a person means; a parse where the query said nothing (or something else) is a false alarm (precision), a missed or wrong value a miss (recall). Services: each named service is a hit or a false alarm; a query naming a service and getting none of the acceptable ones is a miss.\n\n${report}\n`,
      );
    expect(regressions).toEqual([]);
    for (const f of FIELDS) {
      const t = tallies[f];
      expect(ratio(t.tp, t.tp + t.fp), `${f} precision`).toBeGreaterThanOrEqual(FLOORS[f].precision);
      expect(ratio(t.tp, t.tp + t.fn), `${f} recall`).toBeGreaterThanOrEqual(FLOORS[f].recall);
    }
  }, 60_000);
});
