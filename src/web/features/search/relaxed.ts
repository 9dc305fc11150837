import type { DidYouMean, RelaxedStep, RelaxKind, SearchParsed } from '../../api/contracts';
import type { FilterName } from './chips';

/** What each relaxed step asked, as it reads in a sentence ("in Staten Island", "on Fri 4 Dec"). */
const ASKED: Record<RelaxKind, (from: string) => string> = {
  place: (f) => (f === 'near you' ? f : `in ${f}`),
  format: (f) => f,
  time: (f) => f,
  date: (f) => `on ${f}`,
  price: (f) => f,
  service: (f) => f,
};

/**
 * "No Piano teachers in Staten Island, at 6am, on Fri 4 Dec — showing 3 in Brooklyn, 2 online,
 * any time that day": what was asked that nothing matched, then what the results show instead.
 */
export function relaxedHeadline(parsed: SearchParsed, relaxed: RelaxedStep[], categoryName?: string): string {
  const service = relaxed.find((r) => r.kind === 'service');
  const subject =
    service?.from ??
    (parsed.services.map((s) => s.name).join(' or ') || (categoryName ?? parsed.category) || '');
  const asked = relaxed.filter((r) => r.kind !== 'service').map((r) => ASKED[r.kind](r.from));
  const head = `No ${subject ? `${subject} ` : ''}teachers${asked.length ? ` ${asked.join(', ')}` : ''}`;
  return `${head} — showing ${relaxed.map((r) => r.to).join(', ')}`;
}

/** The filters that make a relaxed step explicit (one click keeps it); a service step is a new search. */
export function relaxedFilters(step: RelaxedStep): Partial<Record<FilterName, string>> | null {
  switch (step.kind) {
    case 'place':
      return { borough: 'any' };
    case 'format':
      return { format: 'any' };
    case 'time':
      return { timeOfDay: 'any' };
    case 'date':
      return { date: 'any' };
    case 'price':
      return { priceMaxCents: 'any', priceMinCents: 'any' };
    case 'service':
      return null;
  }
}

/** The text with each unrecognised word replaced by its suggestion: the "did you mean" search. */
export function correctedQuery(q: string, suggestions: DidYouMean[]): string {
  let out = q;
  for (const { word, suggestion } of suggestions)
    out = out.replace(new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i'), suggestion);
  return out;
}
