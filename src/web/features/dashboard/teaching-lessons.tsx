import { useState } from 'react';
import { Link } from 'react-router';
import type { Booking, BookingAction } from '../../api/contracts';
import { Pager, pageCount } from '../../components/pager';
import { Button } from '../../components/button';
import { EmptyState, ErrorState, InlineError, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { formatDateTime, formatDuration, zoneLabel } from '../../lib/time';
import { StatusBadge } from '../lessons/status-badge';
import { MessageButton } from '../messages/message-button';
import { useLessonAction, useTeachingLessons } from './dashboard-queries';
import { InstructorCancelDialog } from './instructor-cancel-dialog';

/** The instructor's lessons: complete or no-show once started, cancel before (the student pays nothing). */
export function TeachingLessons({ zone }: { zone: string }) {
  const [scope, setScope] = useState<'upcoming' | 'history'>('upcoming');
  const [page, setPage] = useState(1);
  const lessons = useTeachingLessons(scope, page);
  const action = useLessonAction();
  const [cancelling, setCancelling] = useState<Booking | null>(null);
  const pages = pageCount(lessons.data);

  return (
    <section aria-labelledby="teaching-heading" className="space-y-4">
      <h2 id="teaching-heading" className="text-lg font-semibold">
        Your lessons
      </h2>
      <div role="tablist" aria-label="Lessons" className="flex gap-2 border-b border-slate-200">
        {(['upcoming', 'history'] as const).map((s) => (
          <button
            key={s}
            role="tab"
            type="button"
            aria-selected={scope === s}
            onClick={() => {
              setScope(s);
              setPage(1);
            }}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${scope === s ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600'}`}
          >
            {s === 'upcoming' ? 'Upcoming' : 'History'}
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-500">Times in {zoneLabel(zone)}</p>
      <InlineError error={action.error} />
      {lessons.isPending ? (
        <Loading rows={3} />
      ) : lessons.isError ? (
        <ErrorState error={lessons.error} retry={() => void lessons.refetch()} />
      ) : lessons.data.items.length === 0 ? (
        <EmptyState title={scope === 'upcoming' ? 'No upcoming lessons' : 'No past lessons'}>
          {scope === 'upcoming' && 'Open more hours in your availability to be found in more searches.'}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {lessons.data.items.map((b) => {
            // What the server allows this instructor now, by the rule it enforces.
            const may = (a: BookingAction) => b.allowedActions.includes(a);
            return (
              <li
                key={b.id}
                className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between"
              >
                <div>
                  <Link to={`/lessons/${b.id}`} className="font-semibold hover:underline">
                    {b.service.name} with {b.student.name}
                  </Link>
                  <p className="text-sm text-slate-600">
                    {formatDateTime(b.startsAt, zone)} · {formatDuration(b.durationMinutes)} ·{' '}
                    {formatMoney(b.priceCents)}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={b.status} />
                  <MessageButton with={{ studentId: b.studentId }} label="Message student" />
                  {may('complete') && (
                    <Button
                      variant="secondary"
                      disabled={action.isPending}
                      onClick={() => action.mutate({ id: b.id, action: 'complete' })}
                    >
                      Mark completed
                    </Button>
                  )}
                  {may('no_show') && (
                    <Button
                      variant="secondary"
                      disabled={action.isPending}
                      onClick={() => action.mutate({ id: b.id, action: 'no-show' })}
                    >
                      No-show
                    </Button>
                  )}
                  {may('cancel') && (
                    <Button variant="secondary" onClick={() => setCancelling(b)}>
                      Cancel
                    </Button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={page} pages={pages} onPage={setPage} />
      <InstructorCancelDialog lesson={cancelling} onClose={() => setCancelling(null)} />
    </section>
  );
}
