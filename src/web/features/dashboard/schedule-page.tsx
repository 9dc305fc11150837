import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Booking, BookingAction } from '../../api/contracts';
import { Button, ButtonLink } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorState, InlineError, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import {
  addDays,
  browserZone,
  formatDuration,
  formatTime,
  localDateOf,
  longDay,
  mondayOf,
  shortDay,
  todayIn,
  zoneLabel,
} from '../../lib/time';
import { useMe } from '../auth/use-me';
import { StatusBadge } from '../lessons/status-badge';
import { useLessonAction, useSchedule } from './dashboard-queries';
import { InstructorCancelDialog } from './instructor-cancel-dialog';

type View = 'week' | 'day';

/** "4:00 PM–5:00 PM" in the instructor's zone. */
const timeRange = (b: Booking, zone: string) =>
  `${formatTime(b.startsAt, zone)}–${formatTime(b.endsAt, zone)}`;

function LessonCard({ lesson, zone, onOpen }: { lesson: Booking; zone: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      onClick={onOpen}
      data-testid="schedule-lesson"
      className={`w-full rounded-lg border p-2 text-left text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 ${lesson.status === 'confirmed' ? 'border-indigo-200 bg-indigo-50/40' : 'border-slate-200 bg-white'}`}
    >
      <span className="block font-semibold">{timeRange(lesson, zone)}</span>
      <span className="block">{lesson.student.name}</span>
      <span className="block text-slate-600">{lesson.service.name}</span>
      <span className="mt-1 block">
        <StatusBadge status={lesson.status} />
      </span>
    </button>
  );
}

/** What can be done to one lesson from the calendar: only what the server lists as allowed now. */
function LessonDialog({
  lesson,
  zone,
  onClose,
  onCancel,
}: {
  lesson: Booking | null;
  zone: string;
  onClose: () => void;
  onCancel: (b: Booking) => void;
}) {
  const action = useLessonAction();
  const may = (a: BookingAction) => !!lesson?.allowedActions.includes(a);
  const close = () => {
    action.reset();
    onClose();
  };
  const run = (a: 'complete' | 'no-show') =>
    lesson && action.mutate({ id: lesson.id, action: a }, { onSuccess: close });
  return (
    <Dialog
      open={!!lesson}
      onClose={close}
      title={lesson ? `${lesson.service.name} with ${lesson.student.name}` : 'Lesson'}
    >
      {lesson && (
        <div className="space-y-4">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">When</dt>
            <dd>
              {longDay(localDateOf(lesson.startsAt, zone))}, {timeRange(lesson, zone)}
            </dd>
            <dt className="text-slate-500">Length</dt>
            <dd>
              {formatDuration(lesson.durationMinutes)} · {formatMoney(lesson.priceCents)}
            </dd>
            <dt className="text-slate-500">Status</dt>
            <dd>
              <StatusBadge status={lesson.status} />
            </dd>
          </dl>
          <InlineError error={action.error} />
          <div className="flex flex-wrap justify-end gap-2">
            <ButtonLink variant="ghost" to={`/lessons/${lesson.id}`}>
              Open the lesson
            </ButtonLink>
            {lesson.status === 'confirmed' && new Date(lesson.startsAt) > new Date() && (
              <ButtonLink variant="secondary" to={`/lessons/${lesson.id}#propose`}>
                Propose a new time
              </ButtonLink>
            )}
            {may('complete') && (
              <Button variant="secondary" disabled={action.isPending} onClick={() => run('complete')}>
                Mark completed
              </Button>
            )}
            {may('no_show') && (
              <Button variant="secondary" disabled={action.isPending} onClick={() => run('no-show')}>
                No-show
              </Button>
            )}
            {may('cancel') && (
              <Button variant="danger" onClick={() => onCancel(lesson)}>
                Cancel…
              </Button>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** The instructor's lessons by week (7 columns at desktop, a list of days on a phone) or by day. */
export default function SchedulePage() {
  const { data: me } = useMe();
  const fallbackZone = me?.timezone ?? browserZone();
  const [view, setView] = useState<View>('week');
  const [anchor, setAnchor] = useState(() => todayIn(fallbackZone));
  const from = view === 'week' ? mondayOf(anchor) : anchor;
  const days = view === 'week' ? 7 : 1;
  const schedule = useSchedule(from, days);
  const zone = schedule.data?.timezone ?? fallbackZone;
  const [open, setOpen] = useState<Booking | null>(null);
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const today = todayIn(zone);
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const lessonsOn = (date: string) =>
    (schedule.data?.items ?? []).filter((b) => localDateOf(b.startsAt, zone) === date);
  const step = (n: number) => setAnchor(addDays(anchor, n * days));
  const heading =
    view === 'week' ? `Week of ${longDay(from)}` : longDay(from) + (from === today ? ' (today)' : '');

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Schedule</h1>
          <p className="text-sm text-slate-600">Times in {zoneLabel(zone)}</p>
        </div>
        <div role="tablist" aria-label="Schedule view" className="flex gap-1 rounded-lg bg-slate-100 p-1">
          {(['week', 'day'] as const).map((v) => (
            <button
              key={v}
              role="tab"
              type="button"
              aria-selected={view === v}
              onClick={() => setView(v)}
              className={`rounded-md px-4 py-1.5 text-sm font-medium ${view === v ? 'bg-white text-indigo-700 shadow-sm' : 'text-slate-700'}`}
            >
              {v === 'week' ? 'Week' : 'Day'}
            </button>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          onClick={() => step(-1)}
          aria-label={view === 'week' ? 'Previous week' : 'Previous day'}
        >
          <ChevronLeft className="size-4" aria-hidden />
        </Button>
        <Button variant="secondary" onClick={() => setAnchor(today)}>
          Today
        </Button>
        <Button
          variant="secondary"
          onClick={() => step(1)}
          aria-label={view === 'week' ? 'Next week' : 'Next day'}
        >
          <ChevronRight className="size-4" aria-hidden />
        </Button>
        <h2 className="ml-2 text-lg font-semibold" aria-live="polite" data-testid="schedule-heading">
          {heading}
        </h2>
      </div>
      {schedule.isPending ? (
        <Loading rows={4} />
      ) : schedule.isError ? (
        <ErrorState error={schedule.error} retry={() => void schedule.refetch()} />
      ) : (
        <div
          className={view === 'week' ? 'grid grid-cols-1 gap-3 lg:grid-cols-7' : 'space-y-3'}
          aria-busy={schedule.isFetching}
          data-testid="schedule-grid"
        >
          {dates.map((date) => {
            const lessons = lessonsOn(date);
            return (
              <section
                key={date}
                aria-label={longDay(date)}
                className={`rounded-xl border p-2 ${date === today ? 'border-indigo-300' : 'border-slate-200'} ${view === 'week' ? 'lg:min-h-40' : ''}`}
              >
                <h3
                  className={`mb-2 text-sm font-semibold ${date === today ? 'text-indigo-700' : 'text-slate-700'}`}
                >
                  {view === 'week' ? shortDay(date) : longDay(date)}
                  {date === today && <span className="sr-only"> (today)</span>}
                </h3>
                {lessons.length === 0 ? (
                  <p className="text-xs text-slate-500">No lessons</p>
                ) : (
                  <ul className="space-y-2">
                    {lessons.map((b) => (
                      <li key={b.id}>
                        <LessonCard lesson={b} zone={zone} onOpen={() => setOpen(b)} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      <p className="text-sm text-slate-600">
        Open hours are set in{' '}
        <Link to="/teach/availability" className="font-medium text-indigo-700 underline">
          Availability
        </Link>
        .
      </p>
      <LessonDialog
        lesson={open}
        zone={zone}
        onClose={() => setOpen(null)}
        onCancel={(b) => {
          setOpen(null);
          setCancelling(b);
        }}
      />
      <InstructorCancelDialog lesson={cancelling} onClose={() => setCancelling(null)} />
    </div>
  );
}
