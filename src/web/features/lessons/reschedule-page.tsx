import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/button';
import { isNotFound } from '../../api/client';
import { NotFoundState } from '../../components/not-allowed';
import { ErrorState, InlineError, Loading } from '../../components/states';
import { formatDateTime, instantOf } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { TimePicker } from '../booking/time-picker';
import { useLesson, useRescheduleLesson } from './lesson-queries';

/** Move a lesson to another free time of the same instructor; the old time is released at once. */
export default function ReschedulePage() {
  const { id = '' } = useParams();
  const lesson = useLesson(id);
  const { data: me } = useMe();
  const navigate = useNavigate();
  const move = useRescheduleLesson(id);
  const [choice, setChoice] = useState<{ date: string; time: string } | null>(null);
  if (lesson.isPending) return <Loading rows={3} />;
  if (isNotFound(lesson.error))
    return <NotFoundState title="Lesson not found" backTo="/lessons" backLabel="My lessons" />;
  if (lesson.isError) return <ErrorState error={lesson.error} retry={() => void lesson.refetch()} />;
  const b = lesson.data;
  const zone = me?.timezone ?? b.timezone;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to={`/lessons/${b.id}`} className="text-indigo-700 hover:underline">
          ← Back to the lesson
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Reschedule {b.service.name}</h1>
      <p className="text-sm text-slate-600">
        Now: {formatDateTime(b.startsAt, zone)} with {b.instructor.name}. Pick a new time from their calendar.
      </p>
      <TimePicker
        instructorId={b.instructorId}
        instructorZone={b.timezone}
        offeringId={b.instructorServiceId}
        duration={b.durationMinutes}
        zone={zone}
        chosen={choice}
        onChoose={(s) => setChoice({ date: s.date, time: s.time })}
      />
      <InlineError error={move.error} />
      <div className="flex flex-wrap items-center justify-end gap-3">
        {choice && (
          <p className="text-sm">
            New time: {formatDateTime(instantOf(choice.date, choice.time, b.timezone), zone)}
          </p>
        )}
        <Button
          disabled={!choice || move.isPending}
          onClick={() =>
            choice &&
            move.mutate(
              { date: choice.date, startTime: choice.time, durationMinutes: b.durationMinutes },
              { onSuccess: () => void navigate(`/lessons/${b.id}`) },
            )
          }
        >
          {move.isPending ? 'Moving…' : 'Move the lesson'}
        </Button>
      </div>
    </div>
  );
}
