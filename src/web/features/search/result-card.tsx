import { MapPin, Star } from 'lucide-react';
import { Link } from 'react-router';
import type { SearchResult } from '../../api/types';
import { areasLabel, formatMoney, LOCATION_LABEL } from '../../lib/format';
import { addDays, formatDay, formatTime, localDateOf } from '../../lib/time';
import { slotsOf, usePublicAvailability } from '../instructors/availability-queries';
import { bookingUrl } from '../booking/booking-url';

/** The first few real start times from the next available one, on the half hour. */
function NextTimes({ result, zone, onPick }: { result: SearchResult; zone: string; onPick: () => void }) {
  const duration = Math.min(...result.durations);
  const day = result.nextAvailableAt ? localDateOf(result.nextAvailableAt, zone) : '';
  const availability = usePublicAvailability(result.instructor.id, {
    start: day,
    end: addDays(day, 1),
    duration,
    offeringId: result.instructorServiceId,
    enabled: !!result.nextAvailableAt,
  });
  if (!result.nextAvailableAt)
    return <p className="text-sm text-slate-500">No open times in the next weeks</p>;
  const slots = availability.data
    ? slotsOf(availability.data)
        .filter((s) => s.startsAt >= result.nextAvailableAt! && /:(00|30)$/.test(s.time))
        .slice(0, 3)
    : [];
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
        Next available · {formatDay(result.nextAvailableAt, zone)}
      </p>
      <ul className="flex min-h-9 flex-wrap gap-2" aria-label={`Next times with ${result.instructor.name}`}>
        {(slots.length ? slots : []).map((s) => (
          <li key={s.startsAt}>
            <Link
              to={bookingUrl(result.instructor.id, result.instructorServiceId, {
                ...s,
                duration,
                step: 'review',
              })}
              onClick={onPick}
              className="inline-block rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-1.5 text-sm font-medium text-indigo-800 hover:bg-indigo-100"
            >
              {formatTime(s.startsAt, zone)}
            </Link>
          </li>
        ))}
        {!slots.length && availability.isPending && (
          <li className="h-9 w-48 motion-safe:animate-pulse rounded-lg bg-slate-100" aria-hidden />
        )}
      </ul>
    </div>
  );
}

export function ResultCard({
  result,
  zone,
  onOpen,
}: {
  result: SearchResult;
  zone: string;
  onOpen: () => void;
}) {
  const profileUrl = `/instructors/${result.instructor.id}?service=${result.instructorServiceId}`;
  return (
    <article className="flex flex-col gap-4 rounded-2xl border border-slate-200 p-4 sm:flex-row sm:p-5">
      <div
        className="flex size-14 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-lg font-bold text-indigo-700"
        aria-hidden
      >
        {result.instructor.name.slice(0, 1)}
      </div>
      <div className="flex-1 space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h3 className="text-lg font-semibold">
              <Link to={profileUrl} onClick={onOpen} className="hover:text-indigo-700 hover:underline">
                {result.instructor.name}
              </Link>
            </h3>
            <p className="text-sm text-slate-700">
              {result.service.name} · {result.locationTypes.map((l) => LOCATION_LABEL[l]).join(', ')}
            </p>
          </div>
          <p className="text-right">
            <span className="text-xl font-bold">{formatMoney(result.hourlyRateCents)}</span>
            <span className="text-sm text-slate-600">/hour</span>
          </p>
        </div>
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
          <span className="flex items-center gap-1">
            <Star className="size-4 text-amber-500" aria-hidden />
            {result.rating !== null
              ? `${result.rating.toFixed(1)} (${result.reviewCount})`
              : 'New instructor'}
          </span>
          <span className="flex items-center gap-1">
            <MapPin className="size-4" aria-hidden /> {areasLabel(result.instructor.areas)}
          </span>
        </p>
        <p className="text-xs text-slate-500">{result.matchReason}</p>
        <NextTimes result={result} zone={zone} onPick={onOpen} />
      </div>
    </article>
  );
}
