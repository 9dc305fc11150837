import { useMemo, useState } from 'react';
import { filterZones, zoneList } from '../lib/time-zones';
import { SelectField, TextField } from './field';

/**
 * A time zone from 400+: a search box narrows the list (city, zone name or offset), common zones
 * lead, and every option shows its offset now.
 */
export function TimeZonePicker({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const [query, setQuery] = useState('');
  // Built once per selection: each option costs an Intl formatter.
  const list = useMemo(() => zoneList(Intl.supportedValuesOf('timeZone'), value), [value]);
  const shown = filterZones(list, query, value);
  const count = shown.common.length + shown.others.length;
  return (
    <div className="space-y-2">
      <TextField
        label="Find a time zone"
        type="search"
        placeholder="City, region or UTC offset (e.g. Chicago, utc-6)"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        hint={query ? `${count} ${count === 1 ? 'zone matches' : 'zones match'}` : undefined}
      />
      <SelectField label="Time zone" value={value} onChange={(e) => onChange(e.target.value)}>
        {shown.common.length > 0 && (
          <optgroup label="Common">
            {shown.common.map((o) => (
              <option key={o.zone} value={o.zone}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
        {shown.others.length > 0 && (
          <optgroup label="All time zones">
            {shown.others.map((o) => (
              <option key={o.zone} value={o.zone}>
                {o.label}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
    </div>
  );
}
