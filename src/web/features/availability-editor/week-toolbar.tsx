import { Copy, Eraser, Repeat } from 'lucide-react';
import { Button } from '../../components/button';
import { SelectField } from '../../components/field';
import { InlineError } from '../../components/states';
import { addDays } from '../../lib/time';
import { useCopyWeek } from './availability-queries';
import { PRESETS } from './week-cells';

type Ranges = { start: string; end: string }[];

/** Whole-week actions: copy last week, repeat this one, clear, presets, and the hours shown. */
export function WeekToolbar({
  weekStart,
  dirty,
  allHours,
  onAllHoursChange,
  onApplyToFuture,
  onReplaceDays,
}: {
  weekStart: string;
  dirty: boolean;
  allHours: boolean;
  onAllHoursChange: (all: boolean) => void;
  onApplyToFuture: () => void;
  onReplaceDays: (rangesFor: (index: number) => Ranges) => void;
}) {
  const copy = useCopyWeek();
  return (
    <>
      <div className="flex flex-wrap items-end gap-2">
        <Button
          variant="secondary"
          disabled={copy.isPending}
          onClick={() => {
            if (dirty && !window.confirm('Copying replaces your unsaved changes. Continue?')) return;
            copy.mutate({ fromWeekStart: addDays(weekStart, -7), toWeekStart: weekStart });
          }}
        >
          <Copy className="size-4" aria-hidden /> Copy previous week
        </Button>
        <Button
          variant="secondary"
          disabled={dirty}
          title={dirty ? 'Save this week first' : undefined}
          onClick={onApplyToFuture}
        >
          <Repeat className="size-4" aria-hidden /> Apply to future weeks
        </Button>
        <Button variant="secondary" onClick={() => onReplaceDays(() => [])}>
          <Eraser className="size-4" aria-hidden /> Clear week
        </Button>
        <div className="w-60">
          <SelectField
            label="Presets"
            value=""
            onChange={(e) => {
              const preset = PRESETS[Number(e.target.value)];
              if (preset) onReplaceDays((i) => preset.days[i] ?? []);
            }}
          >
            <option value="">Fill the week with…</option>
            {PRESETS.map((p, i) => (
              <option key={p.name} value={i}>
                {p.name}
              </option>
            ))}
          </SelectField>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={allHours} onChange={(e) => onAllHoursChange(e.target.checked)} />{' '}
          Show all 24 hours
        </label>
      </div>
      <InlineError error={copy.error} />
    </>
  );
}
