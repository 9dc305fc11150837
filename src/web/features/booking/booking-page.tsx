import { Link, useParams, useSearchParams } from 'react-router';
import type { InstructorProfile, Offering } from '../../api/contracts';
import { lessonPriceCents } from '../../api/contracts';
import { Button } from '../../components/button';
import { ErrorState, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { browserZone, formatDuration } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { useInstructor } from '../instructors/availability-queries';
import { bookingRefusal } from './booking-access';
import { BookingRefused } from './booking-refused';
import { bookingUrl } from './booking-url';
import { ReviewStep } from './review-step';
import { BookingSteps } from '../../components/booking-steps';
import { TimePicker } from './time-picker';

export default function BookingPage() {
  const { instructorId = '', offeringId = '' } = useParams();
  const instructor = useInstructor(instructorId);
  if (instructor.isPending) return <Loading rows={4} />;
  if (instructor.isError)
    return <ErrorState error={instructor.error} retry={() => void instructor.refetch()} />;
  const offering = instructor.data.services.find((s) => s.instructorServiceId === offeringId && s.active);
  if (!offering) {
    return <ErrorState error={new Error('This service is no longer offered by this instructor.')} />;
  }
  return <Booking instructor={instructor.data} offering={offering} />;
}

function Booking({ instructor, offering }: { instructor: InstructorProfile; offering: Offering }) {
  const [params] = useSearchParams();
  const me = useMe();
  const requested = Number(params.get('duration'));
  const duration = offering.durations.includes(requested) ? requested : offering.durations[0]!;
  const date = params.get('date');
  const time = params.get('time');
  const chosen =
    date && time && /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? { date, time } : null;
  const title = `${offering.service.name} with ${instructor.name}`;
  // Asked of the server's own list: a revoked create_bookings hides the button, the role does not.
  const refusal = bookingRefusal(me.data);

  if (params.get('step') === 'review' && chosen) {
    if (me.isPending) return <Loading rows={2} />;
    // A guest reads the whole review too; logging in is asked for only on "Confirm".
    return (
      <div className="mx-auto max-w-2xl space-y-6">
        <BookingSteps current={2} />
        <h1 className="text-2xl font-bold">Review and confirm</h1>
        <ReviewStep
          instructor={instructor}
          offering={offering}
          choice={{ ...chosen, duration }}
          zone={me.data?.timezone ?? browserZone()}
          guest={!me.data}
          refusal={refusal}
          changeUrl={bookingUrl(instructor.id, offering.instructorServiceId, { ...chosen, duration })}
        />
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm text-slate-600">
          <Link
            to={`/instructors/${instructor.id}?service=${offering.instructorServiceId}`}
            className="hover:underline"
          >
            ← {instructor.name}
          </Link>
        </p>
        <BookingSteps current={1} />
        <h1 className="text-2xl font-bold">Choose a time: {title}</h1>
      </div>
      <SelectStep
        instructor={instructor}
        offering={offering}
        duration={duration}
        chosen={chosen}
        zone={me.data?.timezone ?? browserZone()}
        refusal={refusal}
      />
    </div>
  );
}

function SelectStep({
  instructor,
  offering,
  duration,
  chosen,
  zone,
  refusal,
}: {
  instructor: InstructorProfile;
  offering: Offering;
  duration: number;
  chosen: { date: string; time: string } | null;
  zone: string;
  /** Why this person cannot book; null when they can. */
  refusal: string | null;
}) {
  const [, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes))
          if (v === null) next.delete(k);
          else next.set(k, v);
        return next;
      },
      // Choosing replaces the address; moving on to review is a step Back can undo.
      { replace: !('step' in changes) },
    );

  return (
    <div className="space-y-6">
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Lesson length</legend>
        <div className="flex flex-wrap gap-2">
          {offering.durations.map((d) => (
            <label
              key={d}
              className={`cursor-pointer rounded-lg border px-3 py-1.5 text-sm has-[:focus-visible]:ring-2 ${d === duration ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-300'}`}
            >
              <input
                type="radio"
                name="duration"
                className="sr-only"
                checked={d === duration}
                onChange={() => set({ duration: String(d), time: null, date: null })}
              />
              {formatDuration(d)} · {formatMoney(lessonPriceCents(offering.hourlyRateCents, d))}
            </label>
          ))}
        </div>
      </fieldset>
      <TimePicker
        instructorId={instructor.id}
        instructorZone={instructor.timezone}
        offeringId={offering.instructorServiceId}
        duration={duration}
        zone={zone}
        chosen={chosen}
        onChoose={(s) => set({ date: s.date, time: s.time })}
      />
      {refusal ? (
        <BookingRefused reason={refusal} />
      ) : (
        <div className="flex justify-end">
          <Button disabled={!chosen} onClick={() => set({ step: 'review' })}>
            Continue
          </Button>
        </div>
      )}
    </div>
  );
}
