import { useState } from 'react';
import type { AvailabilityWeek } from '../../api/contracts';
import { ApplyDialog } from './apply-dialog';
import type { useSaveWeek } from './availability-queries';
import type { BookedCell } from './booked-cell-preview';
import { BookedCellPreview } from './booked-cell-preview';
import { LeaveGuard } from './leave-guard';
import { SaveBar } from './save-bar';
import { bookedQuarters, quartersOf, rangesOf, sameDay, setCell } from './week-cells';
import { WeekEditorGrid } from './week-editor-grid';
import { WeekNavigation } from './week-navigation';
import { WeekToolbar } from './week-toolbar';

const initialDraft = (week: AvailabilityWeek) =>
  new Map(week.days.map((d) => [d.date, quartersOf(d.ranges)]));

/** One week's draft: painted in the grid, changed by the toolbar, saved or discarded in the save bar. */
export function WeekEditor({
  week,
  save,
  onWeekChange,
}: {
  week: AvailabilityWeek;
  save: ReturnType<typeof useSaveWeek>;
  onWeekChange: (start: string) => void;
}) {
  const [draft, setDraft] = useState(() => initialDraft(week));
  const [allHours, setAllHours] = useState(() =>
    week.days.some((d) => d.ranges.some((r) => r.start < '06:00' || r.end > '23:00')),
  );
  const [preview, setPreview] = useState<BookedCell | null>(null);
  const [applyOpen, setApplyOpen] = useState(false);
  const original = initialDraft(week);
  const dirty = week.days.some((d) => !sameDay(draft.get(d.date)!, original.get(d.date)!));
  const editable = week.days.filter((d) => !d.isPast && !d.isBlackout);

  const paint = (date: string, cell: number, free: boolean) =>
    setDraft((prev) => new Map(prev).set(date, setCell(prev.get(date)!, cell, free)));

  /** Replaces the editable days' hours, leaving the quarters under lessons as they were. */
  const replaceDays = (rangesFor: (index: number) => { start: string; end: string }[]) =>
    setDraft((prev) => {
      const next = new Map(prev);
      week.days.forEach((d, i) => {
        if (d.isPast || d.isBlackout) return;
        const booked = bookedQuarters(d.bookings);
        const current = prev.get(d.date)!;
        next.set(
          d.date,
          quartersOf(rangesFor(i)).map((free, q) => (booked[q] ? current[q]! : free)),
        );
      });
      return next;
    });

  const go = (start: string) => {
    if (dirty && !window.confirm('Discard your unsaved changes to this week?')) return;
    onWeekChange(start);
  };
  const submit = () =>
    save.mutate({
      start: week.weekStart,
      days: editable.map((d) => ({ date: d.date, ranges: rangesOf(draft.get(d.date)!) })),
    });

  return (
    <section aria-label="Week editor" className="space-y-4">
      <WeekNavigation weekStart={week.weekStart} timezone={week.timezone} onGo={go} />
      <WeekToolbar
        weekStart={week.weekStart}
        dirty={dirty}
        allHours={allHours}
        onAllHoursChange={setAllHours}
        onApplyToFuture={() => setApplyOpen(true)}
        onReplaceDays={replaceDays}
      />
      <WeekEditorGrid
        days={week.days}
        draft={draft}
        firstCell={allHours ? 0 : 12}
        lastCell={allHours ? 48 : 46}
        onPaint={paint}
        onPreview={setPreview}
      />
      {preview && <BookedCellPreview booking={preview} />}
      <SaveBar dirty={dirty} save={save} onDiscard={() => setDraft(initialDraft(week))} onSave={submit} />
      <ApplyDialog open={applyOpen} onClose={() => setApplyOpen(false)} weekStart={week.weekStart} />
      <LeaveGuard dirty={dirty} saving={save.isPending} />
    </section>
  );
}
