import { X } from 'lucide-react';
import { Link } from 'react-router';
import type { SearchParsed } from '../../api/types';
import { AGE_LABEL, boroughName, formatMoney, LEVEL_LABEL } from '../../lib/format';
import { formatDuration, hhmmOf, longDay } from '../../lib/time';

export type FilterName =
  'priceMax' | 'priceMin' | 'borough' | 'format' | 'level' | 'age' | 'date' | 'timeOfDay' | 'duration';

interface Chip {
  label: string;
  /** The filter to clear when the chip is removed. */
  clears?: FilterName[];
}

/** What the server understood, one chip per constraint. */
export function chipsOf(p: SearchParsed): Chip[] {
  const chips: Chip[] = p.services.map((s) => ({ label: s.name }));
  if (!p.services.length && p.category)
    chips.push({ label: typeof p.category === 'string' ? p.category : p.category.name });
  if (p.priceMinCents !== null && p.priceMaxCents !== null)
    chips.push({
      label: `${formatMoney(p.priceMinCents)}–${formatMoney(p.priceMaxCents)}/h`,
      clears: ['priceMin', 'priceMax'],
    });
  else if (p.priceMaxCents !== null)
    chips.push({ label: `Under ${formatMoney(p.priceMaxCents)}/h`, clears: ['priceMax'] });
  else if (p.priceMinCents !== null)
    chips.push({ label: `Over ${formatMoney(p.priceMinCents)}/h`, clears: ['priceMin'] });
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
  if (p.neighborhood) chips.push({ label: p.neighborhood, clears: ['borough'] });
  else if (p.borough) chips.push({ label: boroughName(p.borough), clears: ['borough'] });
  if (p.format) chips.push({ label: p.format === 'online' ? 'Online' : 'In person', clears: ['format'] });
  if (p.level) chips.push({ label: LEVEL_LABEL[p.level], clears: ['level'] });
  if (p.ageGroup) chips.push({ label: AGE_LABEL[p.ageGroup], clears: ['age'] });
  if (p.durationMinutes) chips.push({ label: formatDuration(p.durationMinutes), clears: ['duration'] });
  return chips;
}

export function SearchChips({
  parsed,
  onClear,
}: {
  parsed: SearchParsed;
  onClear: (names: FilterName[]) => void;
}) {
  const chips = chipsOf(parsed);
  if (!chips.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-600">Showing:</span>
      <ul className="flex flex-wrap gap-2" aria-label="What we understood">
        {chips.map((c) => (
          <li key={c.label} className="flex items-center rounded-full bg-indigo-50 text-sm text-indigo-900">
            <span className={c.clears ? 'py-1 pl-3' : 'px-3 py-1'}>{c.label}</span>
            {c.clears ? (
              <button
                type="button"
                onClick={() => onClear(c.clears!)}
                className="ml-1 mr-1 rounded-full p-1 hover:bg-indigo-100"
                aria-label={`Remove “${c.label}”`}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {parsed.services.length > 0 && (
        <Link to="/services" className="text-sm text-indigo-700 hover:underline">
          Other services
        </Link>
      )}
    </div>
  );
}
