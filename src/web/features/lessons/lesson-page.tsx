import { CalendarPlus, RotateCcw } from 'lucide-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { BookingAction } from '../../api/contracts';
import { LOCATION_LABEL } from '../../api/contracts';
import { Button, buttonClass, ButtonLink } from '../../components/button';
import { isNotFound } from '../../api/client';
import { NotFoundState } from '../../components/not-allowed';
import { ErrorState, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { formatDateTime, formatDuration, zoneLabel } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { bookingUrl } from '../booking/booking-url';
import { MessageButton } from '../messages/message-button';
import { CancelDialog } from './cancel-dialog';
import { InstructorFeedback } from './instructor-feedback';
import { LessonReview } from './lesson-review';
import { useLesson } from './lesson-queries';
import { StatusBadge } from './status-badge';
import { TimeProposalPanel } from './time-proposal';
import { Avatar } from '../../components/avatar';

export default function LessonPage() {
  const { id = '' } = useParams();
  const lesson = useLesson(id);
  const { data: me } = useMe();
  const [cancelling, setCancelling] = useState(false);
  if (lesson.isPending) return <Loading rows={3} />;
  if (isNotFound(lesson.error))
    return <NotFoundState title="Lesson not found" backTo="/lessons" backLabel="My lessons" />;
  if (lesson.isError) return <ErrorState error={lesson.error} retry={() => void lesson.refetch()} />;
  const b = lesson.data;
  const zone = me?.timezone ?? b.timezone;
  const isStudent = me?.id === b.studentId;
  const upcoming = b.status === 'confirmed' && new Date(b.startsAt) > new Date();
  // The server says what this viewer may do now, by the rule it enforces: no guessing by role or clock.
  const may = (a: BookingAction) => b.allowedActions.includes(a);
  const other = isStudent ? b.instructor : b.student;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <p className="text-sm">
        <Link to={isStudent ? '/lessons' : '/teach'} className="text-indigo-700 hover:underline">
          ← {isStudent ? 'My lessons' : 'Dashboard'}
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Avatar id={other.id} name={other.name} photoUrl={other.photoUrl} size="md" />
        <h1 className="text-2xl font-bold">
          {b.service.name} with {other.name}
        </h1>
        <StatusBadge status={b.status} />
      </div>
      <dl className="grid gap-3 rounded-2xl border border-slate-200 p-5 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">When</dt>
          <dd className="font-medium">{formatDateTime(b.startsAt, zone)}</dd>
          <dd className="text-xs text-slate-500">Times in {zoneLabel(zone)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Length</dt>
          <dd className="font-medium">{formatDuration(b.durationMinutes)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Where</dt>
          <dd className="font-medium">{LOCATION_LABEL[b.locationType]}</dd>
          {b.studentAddress && <dd className="text-slate-600">{b.studentAddress}</dd>}
        </div>
        <div>
          <dt className="text-slate-500">Price</dt>
          <dd className="font-medium">
            {formatMoney(b.priceCents)} ({formatMoney(b.hourlyRateCents)}/h)
          </dd>
        </div>
        {b.note && (
          <div className="sm:col-span-2">
            <dt className="text-slate-500">Note</dt>
            <dd>{b.note}</dd>
          </div>
        )}
        {b.status === 'cancelled' && (
          <div className="sm:col-span-2" data-testid="cancelled-summary">
            <dt className="text-slate-500">Cancelled</dt>
            <dd>
              By {b.cancelledBy}
              {b.cancellationReason ? ` — “${b.cancellationReason}”` : ''}. Fee:{' '}
              <strong>{formatMoney(b.cancellationFeeCents ?? 0)}</strong>
            </dd>
          </div>
        )}
      </dl>
      <div className="flex flex-wrap gap-3">
        {upcoming && (
          <a href={`/api/v1/bookings/${b.id}/calendar.ics`} className={buttonClass('secondary')} download>
            <CalendarPlus className="size-4" aria-hidden /> Add to calendar
          </a>
        )}
        {may('reschedule') && (
          <ButtonLink variant="secondary" to={`/lessons/${b.id}/reschedule`}>
            Reschedule
          </ButtonLink>
        )}
        {may('cancel') && (
          <Button variant="danger" onClick={() => setCancelling(true)}>
            Cancel lesson
          </Button>
        )}
        {isStudent ? (
          <MessageButton with={{ instructorId: b.instructorId }} label="Message instructor" />
        ) : (
          me?.id === b.instructorId && (
            <MessageButton with={{ studentId: b.studentId }} label="Message student" />
          )
        )}
        {isStudent && (
          <ButtonLink to={bookingUrl(b.instructorId, b.instructorServiceId, { duration: b.durationMinutes })}>
            <RotateCcw className="size-4" aria-hidden /> Book again
          </ButtonLink>
        )}
      </div>
      {(isStudent || me?.id === b.instructorId) && (
        <TimeProposalPanel lesson={b} side={isStudent ? 'student' : 'instructor'} zone={zone} />
      )}
      {isStudent && b.status === 'completed' && <LessonReview bookingId={b.id} />}
      {me?.id === b.instructorId && b.status === 'completed' && (
        <InstructorFeedback bookingId={b.id} studentName={b.student.name} />
      )}
      {may('cancel') && <CancelDialog lesson={b} open={cancelling} onClose={() => setCancelling(false)} />}
    </div>
  );
}
