import { DateTime } from 'luxon';
import type { RelaxKind, RelaxedStep } from '../../../../contracts/search.js';
import type { CatalogSnapshot } from '../../catalog/catalog.service.js';
import { addDays } from '../../availability/local-time.js';
import type { MatchResult } from '../matcher/service-matcher.js';
import type { AreaIndex, ParsedQuery } from '../query/parse-query.js';
import type { InterpretedQuery } from './interpret-query.js';

export interface RelaxContext {
  snapshot: CatalogSnapshot;
  areas: AreaIndex;
}

/** One way to relax a step: the looser query and the label of what it let go of. */
export interface Relaxation {
  query: InterpretedQuery;
  step: RelaxedStep;
}

/** A relaxed date covers the asked day and the days after it, up to this many. */
export const RELAXED_DATE_DAYS = 14;

const money = (cents: number) => `$${Number.isInteger(cents / 100) ? cents / 100 : (cents / 100).toFixed(2)}`;
const day = (iso: string) => DateTime.fromISO(iso).toFormat('ccc d LLL');
/** Minutes after midnight as people write them: 360 → "6am", 1050 → "5:30pm", 1440 → "midnight". */
export function clockLabel(minutes: number): string {
  if (minutes % 1440 === 0) return 'midnight';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const h12 = h % 12 || 12;
  return `${h12}${m ? `:${String(m).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}

const withParsed = (q: InterpretedQuery, parsed: Partial<ParsedQuery>): InterpretedQuery => ({
  ...q,
  parsed: { ...q.parsed, ...parsed },
});

/** True when the text or the filters asked anything besides the subject. */
export function hasConstraint(p: ParsedQuery): boolean {
  return (
    p.priceMinCents !== null ||
    p.priceMaxCents !== null ||
    p.cheap ||
    p.date !== null ||
    p.timeFromMinutes !== null ||
    p.timeToMinutes !== null ||
    p.borough !== null ||
    p.neighborhood !== null ||
    p.nearMe ||
    p.format !== null ||
    p.level !== null ||
    p.ageGroup !== null ||
    p.durationMinutes !== null
  );
}

/** The subject is only words nothing recognised ("qwzx vbnm"): there is no service to keep. */
export const unknownSubject = (m: MatchResult) => !m.services.length && !m.category && m.leftover.length > 0;

/** Drops words nothing recognised, so the understood constraints alone decide. */
export function dropUnknownSubject(q: InterpretedQuery): Relaxation {
  return {
    query: { ...q, match: { ...q.match, leftover: [] } },
    step: { kind: 'service', from: q.match.leftover.map((w) => `“${w}”`).join(' '), to: 'any subject' },
  };
}

function place(q: InterpretedQuery, ctx: RelaxContext): Relaxation[] {
  const p = q.parsed;
  // "near me" from an unknown place narrowed nothing: there is nothing to widen.
  if (!p.borough && !p.neighborhood) return [];
  const from = p.neighborhood
    ? (ctx.areas.neighborhoods.find((n) => n.slug === p.neighborhood)?.name ?? p.neighborhood)
    : (ctx.areas.boroughs.find((b) => b.slug === p.borough)?.name ?? p.borough ?? '');
  // `to` is filled in from the results (placeLabel): where the answers really are.
  return [
    {
      query: withParsed(q, { borough: null, neighborhood: null, nearMe: false }),
      step: { kind: 'place', from, to: 'other areas' },
    },
  ];
}

function format(q: InterpretedQuery): Relaxation[] {
  const f = q.parsed.format;
  if (!f) return [];
  const [from, to] = f === 'online' ? ['online', 'in person'] : ['in person', 'online'];
  return [{ query: withParsed(q, { format: null }), step: { kind: 'format', from, to } }];
}

function time(q: InterpretedQuery): Relaxation[] {
  const p = q.parsed;
  if (p.timeFromMinutes === null && p.timeToMinutes === null) return [];
  const lo = p.timeFromMinutes ?? 0;
  const hi = p.timeToMinutes ?? 1440;
  const from =
    p.timeOfDay ??
    (hi - lo === 15
      ? `at ${clockLabel(lo)}`
      : hi >= 1440
        ? `after ${clockLabel(lo)}`
        : lo === 0
          ? `before ${clockLabel(hi)}`
          : `${clockLabel(lo)}–${clockLabel(hi)}`);
  return [
    {
      query: withParsed(q, { timeOfDay: null, timeFromMinutes: null, timeToMinutes: null }),
      step: { kind: 'time', from, to: p.date ? 'any time that day' : 'any time' },
    },
  ];
}

function date(q: InterpretedQuery): Relaxation[] {
  const p = q.parsed;
  if (!p.date) return [];
  const from = p.dateTo && p.dateTo !== p.date ? `${day(p.date)} – ${day(p.dateTo)}` : day(p.date);
  const dateTo = addDays(p.date, RELAXED_DATE_DAYS - 1);
  return [
    {
      query: withParsed(q, { dateTo }),
      step: { kind: 'date', from, to: `${day(p.date)} – ${day(dateTo)}` },
    },
  ];
}

function price(q: InterpretedQuery): Relaxation[] {
  const p = q.parsed;
  if (p.priceMinCents === null && p.priceMaxCents === null && !p.cheap) return [];
  const from =
    p.priceMinCents !== null && p.priceMaxCents !== null
      ? `${money(p.priceMinCents)}–${money(p.priceMaxCents)}/h`
      : p.priceMaxCents !== null
        ? `under ${money(p.priceMaxCents)}/h`
        : p.priceMinCents !== null
          ? `over ${money(p.priceMinCents)}/h`
          : 'cheap';
  return [
    {
      query: withParsed(q, { priceMinCents: null, priceMaxCents: null, cheap: false }),
      step: { kind: 'price', from, to: 'any price' },
    },
  ];
}

/**
 * A service's parents are the catalog services its slug ends with: "kids-piano" → "piano",
 * "jazz-piano" → "piano", "kids-martial-arts" → "martial-arts". Nearest first.
 */
export function parentSlugs(slug: string, snapshot: CatalogSnapshot): string[] {
  const parts = slug.split('-');
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const s = parts.slice(i).join('-');
    if (snapshot.bySlug.has(s)) out.push(s);
  }
  return out;
}

function asMatch(q: InterpretedQuery, slugs: string[], ctx: RelaxContext): MatchResult['services'] {
  const phrase = q.match.services.map((m) => ctx.snapshot.byId.get(m.id)?.name ?? m.phrase).join(', ');
  return slugs.flatMap((slug) => {
    const s = ctx.snapshot.bySlug.get(slug);
    return s ? [{ id: s.id, kind: 'alias' as const, score: 0.95, phrase }] : [];
  });
}

const nameList = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

/**
 * The named services have nothing even with everything else relaxed: their parent (a kids'
 * variant → the general service taught to kids), then their related services. A category
 * search falls back to every subject. Each alternative is labelled: never passed off as asked.
 */
function service(q: InterpretedQuery, ctx: RelaxContext): Relaxation[] {
  const { match } = q;
  if (!match.services.length) {
    if (!match.category) return [];
    const name = ctx.snapshot.categoryBySlugOrId.get(match.category)?.name ?? match.category;
    return [
      {
        query: { ...q, match: { ...match, category: null } },
        step: { kind: 'service', from: name, to: 'any subject' },
      },
    ];
  }
  const named = match.services.flatMap((m) => ctx.snapshot.byId.get(m.id) ?? []);
  const namedSlugs = new Set(named.map((s) => s.slug));
  const from = nameList(named.map((s) => s.name));
  const out: Relaxation[] = [];
  const parents = [...new Set(named.flatMap((s) => parentSlugs(s.slug, ctx.snapshot)))].filter(
    (s) => !namedSlugs.has(s),
  );
  if (parents.length) {
    const kids = named.some((s) => s.slug.startsWith('kids-') || s.categorySlug === 'kids');
    const ageGroup = kids ? (q.parsed.ageGroup ?? 'kids') : q.parsed.ageGroup;
    const names = nameList(parents.map((s) => ctx.snapshot.bySlug.get(s)!.name));
    out.push({
      query: {
        ...q,
        parsed: { ...q.parsed, ageGroup },
        match: { ...match, services: asMatch(q, parents, ctx) },
      },
      step: { kind: 'service', from, to: ageGroup === 'kids' ? `${names}, taught to kids` : names },
    });
  }
  const related = [...new Set(named.flatMap((s) => s.relatedSlugs))].filter(
    (s) => !namedSlugs.has(s) && !parents.includes(s) && ctx.snapshot.bySlug.has(s),
  );
  if (related.length)
    out.push({
      query: { ...q, match: { ...match, services: asMatch(q, related, ctx) } },
      step: {
        kind: 'service',
        from,
        to: nameList(related.map((s) => ctx.snapshot.bySlug.get(s)!.name)),
      },
    });
  return out;
}

/** The steps in their fixed order; each gives the ways to relax it (none when it was not asked). */
export const RELAXERS: [RelaxKind, (q: InterpretedQuery, ctx: RelaxContext) => Relaxation[]][] = [
  ['place', place],
  ['format', format],
  ['time', time],
  ['date', date],
  ['price', price],
  ['service', service],
];

/** "6 in Brooklyn, 4 in Manhattan, 3 online": where the relaxed results are, the busiest first. */
export function placeLabel(
  offerings: { boroughs: ReadonlySet<string>; locationTypes: string[] }[],
  areas: AreaIndex,
): string {
  const counts = new Map<string, number>();
  let online = 0;
  for (const o of offerings) {
    for (const b of o.boroughs) counts.set(b, (counts.get(b) ?? 0) + 1);
    if (o.locationTypes.includes('online')) online++;
  }
  const parts = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 2)
    .map(([slug, n]) => `${n} in ${areas.boroughs.find((b) => b.slug === slug)?.name ?? slug}`);
  if (online) parts.push(`${online} online`);
  return parts.join(', ') || 'other areas';
}
