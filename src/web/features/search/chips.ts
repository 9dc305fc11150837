import type { SearchParsed } from '../../api/contracts';
import { AGE_LABEL, LEVEL_LABEL } from '../../api/contracts';
import { boroughName, formatMoney, neighborhoodName } from '../../lib/format';
import { formatDuration, hhmmOf, longDay } from '../../lib/time';

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
}

/** What the server understood, one chip per constraint; slugs shown by name where the name is known. */
export function chipsOf(p: SearchParsed, categoryName: (slug: string) => string = (slug) => slug): Chip[] {
  const chips: Chip[] = p.services.map((s) => ({ label: s.name }));
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
    chips.push({
      label:
        p.timeToMinutes !== null
          ? `${hhmmOf(p.timeFromMinutes)}–${hhmmOf(p.timeToMinutes)}`
          : `From ${hhmmOf(p.timeFromMinutes)}`,
      clears: ['timeOfDay'],
    });
  if (p.neighborhood) chips.push({ label: neighborhoodName(p.neighborhood), clears: ['borough'] });
  else if (p.borough) chips.push({ label: boroughName(p.borough), clears: ['borough'] });
  if (p.format) chips.push({ label: p.format === 'online' ? 'Online' : 'In person', clears: ['format'] });
  if (p.level) chips.push({ label: LEVEL_LABEL[p.level], clears: ['level'] });
  if (p.ageGroup) chips.push({ label: AGE_LABEL[p.ageGroup], clears: ['age'] });
  if (p.durationMinutes) chips.push({ label: formatDuration(p.durationMinutes), clears: ['duration'] });
  return chips;
}
