import { useState } from 'react';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextField } from '../../components/field';
import { InlineError } from '../../components/states';
import { addDays, longDay } from '../../lib/time';
import { useApplyPattern } from './availability-queries';

/** Repeats the saved week, day by day, up to a chosen date (nine weeks ahead unless changed). */
export function ApplyDialog({
  open,
  onClose,
  weekStart,
}: {
  open: boolean;
  onClose: () => void;
  weekStart: string;
}) {
  const [until, setUntil] = useState(addDays(weekStart, 7 * 9 - 1));
  const apply = useApplyPattern();
  return (
    <Dialog open={open} onClose={onClose} title="Apply this week to future weeks">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          apply.mutate(
            { fromWeekStart: weekStart, startDate: addDays(weekStart, 7), endDate: until },
            { onSuccess: onClose },
          );
        }}
      >
        <p className="text-sm text-slate-600">
          Every week from {longDay(addDays(weekStart, 7))} gets this week's hours, day by day. Booked lessons
          are kept.
        </p>
        <TextField
          label="Until"
          type="date"
          required
          min={addDays(weekStart, 7)}
          value={until}
          onChange={(e) => setUntil(e.target.value)}
        />
        <InlineError error={apply.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={apply.isPending}>
            Apply
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
