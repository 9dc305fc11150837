import { useState, type FormEvent, type ReactNode } from 'react';
import type { AgeGroup, Level, LocationType } from '../../api/contracts';
import {
  AGE_GROUPS,
  AGE_LABEL,
  LESSON_DURATIONS,
  MAX_DURATIONS_PER_OFFERING,
  LEVEL_LABEL,
  LEVELS,
  LOCATION_LABEL,
  LOCATION_TYPES,
} from '../../api/contracts';
import { Button } from '../../components/button';
import { TextArea, TextField } from '../../components/field';
import { InlineError } from '../../components/states';
import { formatDuration } from '../../lib/time';
import type { OfferingFields } from './dashboard-queries';

function Checkboxes<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  label,
  max,
}: {
  legend: string;
  options: readonly T[];
  value: T[];
  onChange: (v: T[]) => void;
  label: (v: T) => string;
  /** At most this many may be ticked: the rest are disabled once it is reached, and a hint says why. */
  max?: number;
}) {
  const full = max !== undefined && value.length >= max;
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">
        {legend}
        {max !== undefined && <span className="font-normal text-slate-500"> (up to {max})</span>}
      </legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o} className="flex items-center gap-1.5 text-sm">
            <input
              type="checkbox"
              checked={value.includes(o)}
              disabled={full && !value.includes(o)}
              onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((x) => x !== o))}
            />
            {label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Rate, lengths, levels, ages and formats of one service; the rate is typed in dollars, sent in cents. */
export function OfferingForm({
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  children,
}: {
  initial: OfferingFields;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: OfferingFields) => void;
  children?: ReactNode;
}) {
  const [rate, setRate] = useState(String(initial.hourlyRateCents / 100));
  const [durations, setDurations] = useState(initial.durations);
  const [levels, setLevels] = useState<Level[]>(initial.levels);
  const [ageGroups, setAgeGroups] = useState<AgeGroup[]>(initial.ageGroups);
  const [locationTypes, setLocationTypes] = useState<LocationType[]>(initial.locationTypes);
  const [description, setDescription] = useState(initial.description ?? '');
  const [firstLesson, setFirstLesson] = useState(initial.firstLesson ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit({
      hourlyRateCents: Math.round(Number(rate) * 100),
      durations: [...durations].sort((a, b) => a - b),
      levels,
      ageGroups,
      locationTypes,
      description: description.trim(),
      firstLesson: firstLesson.trim(),
    });
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      {children}
      <TextField
        label="Hourly rate (US$)"
        type="number"
        min={5}
        max={1000}
        step="0.01"
        required
        value={rate}
        onChange={(e) => setRate(e.target.value)}
      />
      <Checkboxes
        legend="Lesson lengths"
        options={LESSON_DURATIONS}
        max={MAX_DURATIONS_PER_OFFERING}
        value={durations}
        onChange={setDurations}
        label={formatDuration}
      />
      <Checkboxes
        legend="Levels"
        options={LEVELS}
        value={levels}
        onChange={setLevels}
        label={(l) => LEVEL_LABEL[l]}
      />
      <Checkboxes
        legend="Ages"
        options={AGE_GROUPS}
        value={ageGroups}
        onChange={setAgeGroups}
        label={(a) => AGE_LABEL[a]}
      />
      <Checkboxes
        legend="Where you teach it"
        options={LOCATION_TYPES}
        value={locationTypes}
        onChange={setLocationTypes}
        label={(l) => LOCATION_LABEL[l]}
      />
      <TextArea
        label="Description"
        rows={2}
        maxLength={1000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <TextArea
        label="What a first lesson looks like"
        rows={2}
        maxLength={1000}
        value={firstLesson}
        onChange={(e) => setFirstLesson(e.target.value)}
      />
      <InlineError error={error} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : submitLabel}
      </Button>
    </form>
  );
}
