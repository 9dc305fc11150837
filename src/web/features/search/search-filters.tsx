import { SlidersHorizontal } from 'lucide-react';
import { useState } from 'react';
import type { SearchParsed } from '../../api/contracts';
import { LEVEL_LABEL } from '../../api/contracts';
import { SelectField, TextField } from '../../components/field';
import { BOROUGHS, formatMoney } from '../../lib/format';
import type { FilterName } from './chips';

/** Caps offered, in cents like every price in the API. */
const PRICES = [3000, 5000, 8000, 10000, 15000, 20000];

const EMPTY: SearchParsed = {
  services: [],
  category: null,
  priceMinCents: null,
  priceMaxCents: null,
  cheap: false,
  date: null,
  dateTo: null,
  timeOfDay: null,
  timeFromMinutes: null,
  timeToMinutes: null,
  borough: null,
  neighborhood: null,
  nearMe: false,
  boroughSource: null,
  locationUnknown: false,
  format: null,
  level: null,
  ageGroup: null,
  durationMinutes: null,
  unmatchedWords: [],
};

/** Filters set the same constraints the text can: the server applies them over what it parsed. */
export function SearchFilters({
  parsed: maybeParsed,
  onChange,
}: {
  /** Undefined until the first answer: the panel is shown, disabled, so nothing jumps. */
  parsed: SearchParsed | undefined;
  onChange: (name: FilterName, value: string) => void;
}) {
  // Open beside the results on wide screens; folded above them on a phone.
  const [open, setOpen] = useState(() => window.matchMedia('(min-width: 768px)').matches);
  const parsed = maybeParsed ?? EMPTY;
  const set = (name: FilterName) => (e: { target: { value: string } }) => onChange(name, e.target.value);
  return (
    <details
      className="rounded-xl border border-slate-200 p-4"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary className="flex cursor-pointer list-none items-center gap-2 font-semibold">
        <SlidersHorizontal className="size-4" aria-hidden /> Filters
      </summary>
      <fieldset disabled={!maybeParsed} className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-1">
        <SelectField
          label="Max price per hour"
          value={parsed.priceMaxCents !== null ? String(parsed.priceMaxCents) : 'any'}
          onChange={set('priceMaxCents')}
        >
          <option value="any">Any price</option>
          {parsed.priceMaxCents !== null && !PRICES.includes(parsed.priceMaxCents) && (
            <option value={parsed.priceMaxCents}>{formatMoney(parsed.priceMaxCents)}</option>
          )}
          {PRICES.map((p) => (
            <option key={p} value={p}>
              {formatMoney(p)}
            </option>
          ))}
        </SelectField>
        <SelectField label="Borough" value={parsed.borough ?? 'any'} onChange={set('borough')}>
          <option value="any">All boroughs</option>
          {BOROUGHS.map((b) => (
            <option key={b.slug} value={b.slug}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Format" value={parsed.format ?? 'any'} onChange={set('format')}>
          <option value="any">Online or in person</option>
          <option value="online">Online</option>
          <option value="in_person">In person</option>
        </SelectField>
        <SelectField label="Level" value={parsed.level ?? 'any'} onChange={set('level')}>
          <option value="any">Any level</option>
          {Object.entries(LEVEL_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Date"
          type="date"
          value={parsed.date && (!parsed.dateTo || parsed.dateTo === parsed.date) ? parsed.date : ''}
          onChange={(e) => onChange('date', e.target.value || 'any')}
        />
        <SelectField label="Time of day" value={parsed.timeOfDay ?? 'any'} onChange={set('timeOfDay')}>
          <option value="any">Any time</option>
          <option value="morning">Morning</option>
          <option value="afternoon">Afternoon</option>
          <option value="evening">Evening</option>
        </SelectField>
      </fieldset>
    </details>
  );
}
