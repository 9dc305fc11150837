import type { AgeGroup, Format, Level } from './facets.js';
import { takeAgeGroup, takeDuration, takeFormat, takeLevel } from './facets.js';
import type { AreaIndex } from './places.js';
import { placeNames, takePlace } from './places.js';
import { takePrice } from './price.js';
import { Spans, escapeRe } from './text-spans.js';
import { takeWhen } from './when.js';

export type { AreaIndex } from './places.js';

export interface ParseContext {
  now: Date;
  /** The searcher's IANA zone: dates resolve there. */
  timezone: string;
  areas: AreaIndex;
  /** For "near me": the searcher's borough when known. */
  homeBorough?: string | null;
  /** Catalog phrases that contain constraint words ("kids swimming", "sat prep"): kept whole. */
  protectedPhrases?: string[];
}

export interface ParsedQuery {
  raw: string;
  text: string;
  priceMinCents: number | null;
  priceMaxCents: number | null;
  cheap: boolean;
  date: string | null;
  dateTo: string | null;
  timeOfDay: 'morning' | 'afternoon' | 'evening' | null;
  timeFromMinutes: number | null;
  timeToMinutes: number | null;
  borough: string | null;
  neighborhood: string | null;
  nearMe: boolean;
  format: Format | null;
  level: Level | null;
  ageGroup: AgeGroup | null;
  durationMinutes: number | null;
}

/** Words that constraint extractors consume; a catalog phrase containing one is protected. */
export const CONSTRAINT_WORDS = new Set(
  'kids kid children child toddler toddlers baby infant teens teen adults adult beginner beginners advanced intermediate online home morning evening night weekend today sat sun cheap budget'.split(
    ' ',
  ),
);

/** Words that say nothing about the subject; small words stay (the matcher knows "as a second language"). */
const FILLER =
  /\b(?:lessons?|classes|class|teachers?|instructors?|sessions?|private|someone|somebody|looking for|i want|i need|id like|please|find me)\b/g;

const areaCache = new WeakMap<AreaIndex, ReturnType<typeof placeNames>>();
const protectCache = new WeakMap<string[], RegExp | null>();

function protectRegex(phrases: string[] | undefined): RegExp | null {
  if (!phrases?.length) return null;
  if (!protectCache.has(phrases)) {
    const sorted = [...phrases]
      .sort((a, b) => b.length - a.length)
      .map((p) => escapeRe(p).replace(/ /g, '\\s+'));
    protectCache.set(phrases, new RegExp(String.raw`\b(?:${sorted.join('|')})\b`, 'g'));
  }
  return protectCache.get(phrases)!;
}

export function parseQuery(input: string, ctx: ParseContext): ParsedQuery {
  const raw = input.trim();
  // Lower case; "st." → "st", "hell's" → "hells", fancy dashes → "-"; decimals keep their dot.
  const normal = raw
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/([a-z])\./g, '$1')
    .replace(/['’]/g, '');
  // Protected catalog phrases are masked so no extractor consumes their words, then restored.
  const masks: [number, string][] = [];
  const re = protectRegex(ctx.protectedPhrases);
  const masked = re
    ? normal.replace(re, (m, offset: number) => (masks.push([offset, m]), '\u0001'.repeat(m.length)))
    : normal;
  const s = new Spans(masked);

  const price = takePrice(s);
  const durationMinutes = takeDuration(s);
  let names = areaCache.get(ctx.areas);
  if (!names) areaCache.set(ctx.areas, (names = placeNames(ctx.areas)));
  const place = takePlace(s, names, ctx.homeBorough ?? null);
  const when = takeWhen(s, ctx.now, ctx.timezone);
  const format = takeFormat(s);
  let level = takeLevel(s);
  let ageGroup = takeAgeGroup(s);
  // A catalog phrase keeps its words ("swim for kids"), but they still say who the lesson is for.
  if (masks.length && (level === null || ageGroup === null)) {
    const kept = new Spans(masks.map(([, m]) => m).join(' , '));
    level ??= takeLevel(kept);
    ageGroup ??= takeAgeGroup(kept);
  }

  let rest = s.text;
  for (const [at, phrase] of masks) rest = rest.slice(0, at) + phrase + rest.slice(at + phrase.length);
  const text = rest
    .replace(FILLER, ' ')
    .replace(/[^\p{L}\p{N}&/+\s-]+/gu, ' ')
    .replace(/(?:^|\s)-(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^(?:and|or|for|in|at|on)\s+|\s+(?:and|or|for|in|at|on|with)$/g, '')
    .trim();

  return {
    raw,
    text,
    priceMinCents: price.minCents,
    priceMaxCents: price.maxCents,
    cheap: price.cheap,
    ...when,
    ...place,
    format,
    level,
    ageGroup,
    durationMinutes,
  };
}
