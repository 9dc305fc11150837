import { useState } from 'react';
import type { ZoneList } from '../lib/time-zones';
import { filterZones, zoneList } from '../lib/time-zones';
import { SelectField, TextField } from './field';

/**
 * A time zone from 400+: a search box narrows the list (city, zone name or offset), common zones
 * lead, and every option shows its offset now.
 */
export function TimeZonePicker({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const [query, setQuery] = useState('');
  // The common zones at once; all 400+ (an Intl formatter each) once the picker is first used.
  const [common] = useState(() => zoneList([]));
  const [full, setFull] = useState<ZoneList | null>(null);
  const loadAll = () => {
    if (!full) setFull(zoneList(Intl.supportedValuesOf('timeZone')));
  };
  const shown = filterZones(full ?? common, query, value);
  const count = shown.common.length + shown.others.length;
  return (
    <div className="space-y-2">
      <TextField
        label="Find a time zone"
        type="search"
        placeholder="City, region or UTC offset (e.g. Chicago, utc-6)"
        value={query}
        onFocus={loadAll}
        onChange={(e) => setQuery(e.target.value)}
        hint={query ? `${count} ${count === 1 ? 'zone matches' : 'zones match'}` : undefined}
      />
      <SelectField
        label="Time zone"
        value={value}
        onFocus={loadAll}
        onPointerDown={loadAll}
        onChange={(e) => onChange(e.target.value)}
      >
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
