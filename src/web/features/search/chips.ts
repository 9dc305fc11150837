import type { RelaxKind, SearchParsed } from '../../api/contracts';
import { AGE_LABEL, LEVEL_LABEL } from '../../api/contracts';
import { boroughName, formatMoney, neighborhoodName } from '../../lib/format';
import { clockOf, formatDuration, longDay } from '../../lib/time';

export type FilterName =
  | 'priceMaxCents'
  | 'priceMinCents'
  | 'borough'
  | 'format'
  | 'level'
  | 'age'
  | 'date'
  | 'timeOfDay'
  | 'duration';

export interface Chip {
  label: string;
  /** The filter to clear when the chip is removed. */
  clears?: FilterName[];
  /** The service (slug) the search drops when the chip is removed. */
  dropsService?: string;
  /** Asked, but let go of because nothing matched it: the results do not apply it. */
  relaxed?: true;
}

/** Which relaxation step lets go of what a chip asks. */
const KIND_OF: Partial<Record<FilterName, RelaxKind>> = {
  priceMaxCents: 'price',
  priceMinCents: 'price',
  borough: 'place',
  format: 'format',
  date: 'date',
  timeOfDay: 'time',
};

/**
 * The chips with those the server let go of marked, so the chips show exactly what the results
 * apply (a relaxed search's notice says what it showed instead).
 */
export function appliedChips(chips: Chip[], relaxed: readonly RelaxKind[]): Chip[] {
  if (!relaxed.length) return chips;
  return chips.map((c) => {
    const kind = c.dropsService ? 'service' : c.clears?.map((n) => KIND_OF[n]).find(Boolean);
    return kind && relaxed.includes(kind) ? { ...c, relaxed: true } : c;
  });
}

/** "sports-fitness" → "Sports fitness": what a chip says when the catalog's name is not at hand. */
export const wordsOfSlug = (slug: string) => {
  const words = slug.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** "After 5:00 PM", "Before 9:00 AM", "At 3:00 PM" (a 15-minute window), "2:00 PM–4:00 PM". */
function clockWindow(from: number, to: number | null): string {
  if (to === null || to >= 1440) return `After ${clockOf(from)}`;
  if (from === 0) return `Before ${clockOf(to)}`;
  if (to - from <= 15) return `At ${clockOf(from)}`;
  return `${clockOf(from)}–${clockOf(to)}`;
}

/** What the server understood, one chip per constraint; slugs shown by name where the name is known. */
export function chipsOf(p: SearchParsed, categoryName: (slug: string) => string = wordsOfSlug): Chip[] {
  const chips: Chip[] = p.services.map((s) => ({ label: s.name, dropsService: s.slug }));
  if (!p.services.length && p.category) chips.push({ label: categoryName(p.category) });
  if (p.priceMinCents !== null && p.priceMaxCents !== null)
    chips.push({
      label: `${formatMoney(p.priceMinCents)}–${formatMoney(p.priceMaxCents)}/h`,
      clears: ['priceMinCents', 'priceMaxCents'],
    });
  else if (p.priceMaxCents !== null)
    chips.push({ label: `Under ${formatMoney(p.priceMaxCents)}/h`, clears: ['priceMaxCents'] });
  else if (p.priceMinCents !== null)
    chips.push({ label: `Over ${formatMoney(p.priceMinCents)}/h`, clears: ['priceMinCents'] });
  if (p.date) {
    const label =
      p.dateTo && p.dateTo !== p.date ? `${longDay(p.date)} – ${longDay(p.dateTo)}` : longDay(p.date);
    chips.push({ label, clears: ['date'] });
  }
  if (p.timeOfDay)
    chips.push({ label: p.timeOfDay[0]!.toUpperCase() + p.timeOfDay.slice(1), clears: ['timeOfDay'] });
  else if (p.timeFromMinutes !== null)
    chips.push({ label: clockWindow(p.timeFromMinutes, p.timeToMinutes), clears: ['timeOfDay'] });
  if (p.neighborhood) chips.push({ label: neighborhoodName(p.neighborhood), clears: ['borough'] });
  else if (p.borough)
    chips.push({
      // A borough from the searcher's IP says so: they did not name it.
      label: p.boroughSource === 'near_me' ? `Near you: ${boroughName(p.borough)}` : boroughName(p.borough),
      clears: ['borough'],
    });
  if (p.format) chips.push({ label: p.format === 'online' ? 'Online' : 'In person', clears: ['format'] });
  if (p.level) chips.push({ label: LEVEL_LABEL[p.level], clears: ['level'] });
  if (p.ageGroup) chips.push({ label: AGE_LABEL[p.ageGroup], clears: ['age'] });
  if (p.durationMinutes) chips.push({ label: formatDuration(p.durationMinutes), clears: ['duration'] });
  return chips;
}

/**
 * The search without one of its services: the text becomes the other services' names (or a broad
 * "lessons"), and what the text said besides is kept as explicit filters, so removing a chip never
 * widens anything but the service.
 */
export function withoutService(p: SearchParsed, slug: string): Record<string, string> {
  const rest = p.services.filter((s) => s.slug !== slug).map((s) => s.name);
  const out: Record<string, string> = { q: rest.length ? rest.join(' or ') : 'lessons' };
  if (p.priceMaxCents !== null) out.priceMaxCents = String(p.priceMaxCents);
  if (p.priceMinCents !== null) out.priceMinCents = String(p.priceMinCents);
  if (p.borough) out.borough = p.borough;
  if (p.format) out.format = p.format;
  if (p.level) out.level = p.level;
  if (p.ageGroup) out.age = p.ageGroup;
  if (p.date) out.date = p.date;
  if (p.timeOfDay) out.timeOfDay = p.timeOfDay;
  if (p.durationMinutes) out.duration = String(p.durationMinutes);
  return out;
}
