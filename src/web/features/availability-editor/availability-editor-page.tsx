import { ChevronLeft, ChevronRight, Copy, Eraser, Repeat, Save } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link, useBlocker } from 'react-router';
import type { AvailabilityWeek, WeekBooking } from '../../api/contracts';
import { DEFAULT_TIME_ZONE } from '../../api/contracts';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { SelectField, TextField } from '../../components/field';
import { ErrorState, InlineError, Loading } from '../../components/states';
import { addDays, longDay, mondayOf, todayIn, zoneLabel } from '../../lib/time';
import { can } from '../auth/can';
import { isInstructor, useMe } from '../auth/use-me';
import { useApplyPattern, useCopyWeek, useSaveWeek, useWeek } from './availability-queries';
import { BlackoutsPanel } from './blackouts-panel';
import { bookedQuarters, PRESETS, quartersOf, rangesOf, sameDay, setCell } from './week-cells';
import { WeekEditorGrid } from './week-editor-grid';

export default function AvailabilityEditorPage() {
  const { data: me } = useMe();
  const [weekStart, setWeekStart] = useState(() => mondayOf(todayIn(me?.timezone ?? DEFAULT_TIME_ZONE)));
  const week = useWeek(weekStart);
  // Held here: a save refetches the week and remounts the editor, and the outcome must outlive that.
  const save = useSaveWeek();
  if (me && isInstructor(me) && !can(me, 'manage_availability')) {
    return <p>Changing your availability is turned off for your account; contact support to change it.</p>;
  }
  if (me && !isInstructor(me)) {
    return (
      <p>
        Only instructors have availability.{' '}
        <Link to="/teach/start" className="text-indigo-700 underline">
          Become an instructor
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link to="/teach" className="text-indigo-700 hover:underline">
            ← Dashboard
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Your availability</h1>
        <p className="text-sm text-slate-600">
          Open the half hours you can teach. Students book any length that fits inside them.
        </p>
      </div>
      {week.isPending ? (
        <Loading rows={6} />
      ) : week.isError ? (
        <ErrorState error={week.error} retry={() => void week.refetch()} />
      ) : (
        <WeekEditor
          key={`${week.data.weekStart}:${week.dataUpdatedAt}`}
          week={week.data}
          save={save}
          onWeekChange={(start) => {
            save.reset();
            setWeekStart(start);
          }}
        />
      )}
      <BlackoutsPanel />
    </div>
  );
}

const initialDraft = (week: AvailabilityWeek) =>
  new Map(week.days.map((d) => [d.date, quartersOf(d.ranges)]));

function WeekEditor({
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
  const [preview, setPreview] = useState<(WeekBooking & { date: string }) | null>(null);
  const [applyOpen, setApplyOpen] = useState(false);
  const copy = useCopyWeek();
  const original = initialDraft(week);
  const dirty = week.days.some((d) => !sameDay(draft.get(d.date)!, original.get(d.date)!));
  const editable = week.days.filter((d) => !d.isPast && !d.isBlackout);

  // Leaving with unsaved changes asks first: in-app links through the router, the tab through the browser.
  const blocker = useBlocker(dirty && !save.isPending);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

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
  const thisWeek = mondayOf(todayIn(week.timezone));

  return (
    <section aria-label="Week editor" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <Button
            variant="secondary"
            aria-label="Previous week"
            disabled={week.weekStart <= thisWeek}
            onClick={() => go(addDays(week.weekStart, -7))}
          >
            <ChevronLeft className="size-4" aria-hidden />
          </Button>
          <h2 className="min-w-56 text-center font-semibold" aria-live="polite">
            Week of {longDay(week.weekStart)}
          </h2>
          <Button variant="secondary" aria-label="Next week" onClick={() => go(addDays(week.weekStart, 7))}>
            <ChevronRight className="size-4" aria-hidden />
          </Button>
        </div>
        <p className="text-xs text-slate-500">Times in {zoneLabel(week.timezone)}</p>
      </div>

      <div className="flex flex-wrap items-end gap-2">
        <Button
          variant="secondary"
          disabled={copy.isPending}
          onClick={() => {
            if (dirty && !window.confirm('Copying replaces your unsaved changes. Continue?')) return;
            copy.mutate({ fromWeekStart: addDays(week.weekStart, -7), toWeekStart: week.weekStart });
          }}
        >
          <Copy className="size-4" aria-hidden /> Copy previous week
        </Button>
        <Button
          variant="secondary"
          disabled={dirty}
          title={dirty ? 'Save this week first' : undefined}
          onClick={() => setApplyOpen(true)}
        >
          <Repeat className="size-4" aria-hidden /> Apply to future weeks
        </Button>
        <Button variant="secondary" onClick={() => replaceDays(() => [])}>
          <Eraser className="size-4" aria-hidden /> Clear week
        </Button>
        <div className="w-60">
          <SelectField
            label="Presets"
            value=""
            onChange={(e) => {
              const preset = PRESETS[Number(e.target.value)];
              if (preset) replaceDays((i) => preset.days[i] ?? []);
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
          <input type="checkbox" checked={allHours} onChange={(e) => setAllHours(e.target.checked)} /> Show
          all 24 hours
        </label>
      </div>
      <InlineError error={copy.error} />

      <WeekEditorGrid
        days={week.days}
        draft={draft}
        firstCell={allHours ? 0 : 12}
        lastCell={allHours ? 48 : 46}
        onPaint={paint}
        onPreview={setPreview}
      />

      {preview && (
        <div
          role="status"
          className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-amber-50 p-4 text-sm text-amber-900"
        >
          <span>
            Booked: <strong>{preview.service}</strong> on {longDay(preview.date)}, {preview.start}–
            {preview.end}. A booked time cannot be changed here; cancel the lesson first if you must.
          </span>
          <Link to={`/lessons/${preview.id}`} className="font-semibold underline">
            Open the lesson
          </Link>
        </div>
      )}

      <div className="sticky bottom-0 flex flex-wrap items-center justify-end gap-3 border-t border-slate-200 bg-white/95 py-3">
        {dirty && <span className="text-sm text-amber-700">You have unsaved changes.</span>}
        {save.isSuccess && !dirty && (
          <span role="status" className="text-sm text-emerald-700">
            Saved. Students see the new times now.
          </span>
        )}
        <InlineError error={save.error} />
        <Button variant="secondary" disabled={!dirty} onClick={() => setDraft(initialDraft(week))}>
          Discard
        </Button>
        <Button disabled={!dirty || save.isPending} onClick={submit}>
          <Save className="size-4" aria-hidden /> {save.isPending ? 'Saving…' : 'Save week'}
        </Button>
      </div>

      <ApplyDialog open={applyOpen} onClose={() => setApplyOpen(false)} weekStart={week.weekStart} />
      <Dialog
        open={blocker.state === 'blocked'}
        onClose={() => blocker.reset?.()}
        title="Leave without saving?"
      >
        <p className="mb-4 text-sm">Your changes to this week are not saved yet.</p>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => blocker.reset?.()}>
            Stay
          </Button>
          <Button variant="danger" onClick={() => blocker.proceed?.()}>
            Leave and discard
          </Button>
        </div>
      </Dialog>
    </section>
  );
}

function ApplyDialog({
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
