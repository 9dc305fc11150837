import { Briefcase, Clock, Languages, MapPin, MessageSquare, Star } from 'lucide-react';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { AGE_LABEL, lessonPriceCents, LEVEL_LABEL, LOCATION_LABEL } from '../../api/contracts';
import { isNotFound } from '../../api/client';
import { ButtonLink } from '../../components/button';
import { NotFoundState } from '../../components/not-allowed';
import { useOwnTitle } from '../../components/page-title';
import { ErrorState, Loading } from '../../components/states';
import { areasLabel, formatMoney, ratingLabel } from '../../lib/format';
import { ReviewsList, useInstructorReviews } from './reviews-list';
import { browserZone, formatDuration, todayIn } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { bookingUrl } from '../booking/booking-url';
import { MessageButton } from '../messages/message-button';
import { replyTimeLabel } from '../messages/message-format';
import { useInstructor } from './availability-queries';
import { WeekGrid } from './week-grid';
import { Avatar } from '../../components/avatar';
import { SaveButton } from '../saved/save-button';

/** The server's head says the same: "Ada L. — Guitar, Piano instructor". */
function instructorTitle(
  p: { name: string; services: { active: boolean; service: { name: string } }[] } | undefined,
) {
  if (!p) return undefined;
  const teaches = [...new Set(p.services.filter((s) => s.active).map((s) => s.service.name))];
  return teaches.length ? `${p.name} — ${teaches.slice(0, 3).join(', ')} instructor` : p.name;
}

export default function ProfilePage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const zone = me?.timezone ?? browserZone();
  const instructor = useInstructor(id);
  const firstReviews = useInstructorReviews(id);
  const [weekStart, setWeekStart] = useState(() => todayIn(zone));
  useOwnTitle(instructorTitle(instructor.data), 'Instructor');

  // A failed reviews request still shows the profile; the list offers its own retry.
  if (instructor.isPending || firstReviews.isPending) return <Loading rows={4} />;
  if (isNotFound(instructor.error))
    return <NotFoundState title="Instructor not found" backTo="/services" backLabel="All services" />;
  if (instructor.isError)
    return <ErrorState error={instructor.error} retry={() => void instructor.refetch()} />;
  const p = instructor.data;
  const offerings = p.services.filter((s) => s.active);
  const offering = offerings.find((s) => s.instructorServiceId === params.get('service')) ?? offerings[0];
  const requested = Number(params.get('duration'));
  const duration = offering?.durations.includes(requested) ? requested : (offering?.durations[0] ?? 60);
  const choose = (changes: Record<string, string>) =>
    setParams((prev) => ({ ...Object.fromEntries(prev), ...changes }), { replace: true });

  return (
    <div className="space-y-8">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-center">
        <Avatar id={p.id} name={p.name} photoUrl={p.photoUrl} size="xl" />
        <div className="space-y-1">
          <h1 className="text-3xl font-bold">{p.name}</h1>
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            <span className="flex items-center gap-1">
              <Star className="size-4 text-amber-500" aria-hidden />
              {ratingLabel(p.rating, p.reviewCount)}
            </span>
            <span className="flex items-center gap-1">
              <Briefcase className="size-4" aria-hidden /> {p.yearsExperience} years teaching
            </span>
            <span className="flex items-center gap-1">
              <MapPin className="size-4" aria-hidden /> {areasLabel(p.areas)}
            </span>
            {p.languages.length > 0 && (
              <span className="flex items-center gap-1">
                <Languages className="size-4" aria-hidden /> Speaks{' '}
                {p.languages.map((l) => l.name).join(', ')}
              </span>
            )}
            {p.replyTimeMinutes !== null && (
              <span className="flex items-center gap-1">
                <Clock className="size-4" aria-hidden /> {replyTimeLabel(p.replyTimeMinutes)}
              </span>
            )}
          </p>
        </div>
        {/* A question before booking; a guest logs in first and comes back here. */}
        <div className="flex flex-wrap items-start gap-2 sm:ml-auto">
          <SaveButton instructorId={p.id} name={p.name} />
          {!me ? (
            <ButtonLink variant="secondary" to={`/login?next=${encodeURIComponent(`/instructors/${p.id}`)}`}>
              <MessageSquare className="size-4" aria-hidden /> Message instructor
            </ButtonLink>
          ) : (
            me.id !== p.id && <MessageButton with={{ instructorId: p.id }} label="Message instructor" />
          )}
        </div>
      </header>
      <p className="max-w-3xl whitespace-pre-line text-slate-700">{p.bio}</p>
      <ReviewsList instructorId={id} />

      <section aria-labelledby="services-heading" className="space-y-3">
        <h2 id="services-heading" className="text-xl font-semibold">
          Services and prices
        </h2>
        <div role="radiogroup" aria-label="Service" className="grid gap-3 sm:grid-cols-2">
          {offerings.map((s) => {
            const selected = s.instructorServiceId === offering?.instructorServiceId;
            return (
              <button
                key={s.instructorServiceId}
                type="button"
                role="radio"
                aria-checked={selected}
                onClick={() => choose({ service: s.instructorServiceId, duration: String(s.durations[0]) })}
                className={`space-y-1 rounded-xl border p-4 text-left ${selected ? 'border-indigo-600 ring-2 ring-indigo-200' : 'border-slate-200 hover:border-slate-300'}`}
              >
                <span className="flex justify-between font-semibold">
                  {s.service.name} <span>{formatMoney(s.hourlyRateCents)}/h</span>
                </span>
                <span className="block whitespace-pre-line text-sm text-slate-600">{s.description}</span>
                {s.firstLesson && (
                  <span className="block whitespace-pre-line text-sm text-slate-600">
                    <span className="font-medium text-slate-700">First lesson: </span>
                    {s.firstLesson}
                  </span>
                )}
                <span className="block text-xs text-slate-500">
                  {s.levels.map((l) => LEVEL_LABEL[l]).join(', ')} ·{' '}
                  {s.ageGroups.map((a) => AGE_LABEL[a]).join(', ')} ·{' '}
                  {s.locationTypes.map((l) => LOCATION_LABEL[l]).join(', ')}
                </span>
              </button>
            );
          })}
        </div>
      </section>

      {offering ? (
        <section aria-labelledby="times-heading" className="space-y-4">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="times-heading" className="text-xl font-semibold">
              Book {offering.service.name}
            </h2>
            <div role="radiogroup" aria-label="Lesson length" className="flex flex-wrap gap-2">
              {offering.durations.map((d) => (
                <button
                  key={d}
                  type="button"
                  role="radio"
                  aria-checked={d === duration}
                  onClick={() => choose({ duration: String(d) })}
                  className={`rounded-lg border px-3 py-1.5 text-sm font-medium ${d === duration ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-slate-300 hover:border-slate-400'}`}
                >
                  {formatDuration(d)} · {formatMoney(lessonPriceCents(offering.hourlyRateCents, d))}
                </button>
              ))}
            </div>
          </div>
          <WeekGrid
            instructorId={p.id}
            offeringId={offering.instructorServiceId}
            durations={offering.durations}
            duration={duration}
            weekStart={weekStart}
            onWeekChange={setWeekStart}
            zone={zone}
          />
          <ButtonLink variant="secondary" to={bookingUrl(p.id, offering.instructorServiceId, { duration })}>
            See a month of dates
          </ButtonLink>
        </section>
      ) : (
        <p className="text-slate-600">This instructor is not taking bookings right now.</p>
      )}
    </div>
  );
}
