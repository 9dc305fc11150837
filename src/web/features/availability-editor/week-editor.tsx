import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import type { AvailabilityWeek } from '../../api/contracts';
import { ApplyDialog } from './apply-dialog';
import type { useSaveWeek } from './availability-queries';
import type { BookedCell } from './booked-cell-preview';
import { BookedCellPreview } from './booked-cell-preview';
import { LeaveGuard } from './leave-guard';
import { SaveBar } from './save-bar';
import type { ZoneNow } from './week-cells';
import {
  bookedQuarters,
  keepPast,
  pastCellCount,
  quartersOf,
  rangesOf,
  sameDay,
  setCell,
} from './week-cells';
import { WeekEditorGrid } from './week-editor-grid';
import { WeekNavigation } from './week-navigation';
import { WeekToolbar } from './week-toolbar';

function zoneNow(zone: string): ZoneNow {
  const t = DateTime.now().setZone(zone);
  return { date: t.toISODate()!, minutes: t.hour * 60 + t.minute };
}

/** The instructor's clock, moved on every minute so half hours turn Past while the page is open. */
function useZoneNow(zone: string): ZoneNow {
  const [now, setNow] = useState(() => zoneNow(zone));
  useEffect(() => {
    const timer = setInterval(() => setNow(zoneNow(zone)), 60_000);
    return () => clearInterval(timer);
  }, [zone]);
  return now;
}

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
  const now = useZoneNow(week.timezone);
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
          keepPast(
            current,
            quartersOf(rangesFor(i)).map((free, q) => (booked[q] ? current[q]! : free)),
            pastCellCount(d.date, now),
          ),
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
        pastCells={(date) => pastCellCount(date, now)}
        onPaint={paint}
        onPreview={setPreview}
      />
      {/* A dialog, so the lesson shows wherever the cell was (never under the sticky save bar). */}
      <BookedCellPreview booking={preview} onClose={() => setPreview(null)} />
      <SaveBar dirty={dirty} save={save} onDiscard={() => setDraft(initialDraft(week))} onSave={submit} />
      <ApplyDialog open={applyOpen} onClose={() => setApplyOpen(false)} weekStart={week.weekStart} />
      <LeaveGuard dirty={dirty} saving={save.isPending} />
    </section>
  );
}
