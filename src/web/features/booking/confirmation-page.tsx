import { CalendarPlus, CheckCircle2 } from 'lucide-react';
import { useParams } from 'react-router';
import { LOCATION_LABEL } from '../../api/contracts';
import { buttonClass, ButtonLink } from '../../components/button';
import { isNotFound } from '../../api/client';
import { NotFoundState } from '../../components/not-allowed';
import { ErrorState, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { formatDateTime, formatDuration, zoneLabel } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { useLesson } from '../lessons/lesson-queries';
import { BookingSteps } from '../../components/booking-steps';

export default function ConfirmationPage() {
  const { id = '' } = useParams();
  const lesson = useLesson(id);
  const { data: me } = useMe();
  if (lesson.isPending) return <Loading rows={3} />;
  if (isNotFound(lesson.error))
    return <NotFoundState title="Lesson not found" backTo="/lessons" backLabel="My lessons" />;
  if (lesson.isError) return <ErrorState error={lesson.error} retry={() => void lesson.refetch()} />;
  const b = lesson.data;
  const zone = me?.timezone ?? b.timezone;
  return (
    <div className="mx-auto max-w-xl space-y-6 py-4 text-center">
      <div className="flex justify-center">
        <BookingSteps current={3} />
      </div>
      <CheckCircle2 className="mx-auto size-14 text-emerald-600" aria-hidden />
      <h1 className="text-2xl font-bold">You are booked!</h1>
      <div className="space-y-1 rounded-2xl border border-slate-200 p-5 text-left">
        <p className="font-semibold">
          {b.service.name} with {b.instructor.name}
        </p>
        <p className="text-sm">{formatDateTime(b.startsAt, zone)}</p>
        <p className="text-sm text-slate-600">
          {formatDuration(b.durationMinutes)} · {LOCATION_LABEL[b.locationType]} · {formatMoney(b.priceCents)}
        </p>
        <p className="text-xs text-slate-500">Times in {zoneLabel(zone)}</p>
      </div>
      <div className="flex flex-col justify-center gap-3 sm:flex-row">
        <a href={`/api/v1/bookings/${b.id}/calendar.ics`} className={buttonClass('secondary')} download>
          <CalendarPlus className="size-4" aria-hidden /> Add to calendar
        </a>
        <ButtonLink to="/lessons">Go to My lessons</ButtonLink>
      </div>
      <p className="text-sm text-slate-600">We emailed you and {b.instructor.name} the details.</p>
    </div>
  );
}
