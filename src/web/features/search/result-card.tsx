import { MapPin, Star } from 'lucide-react';
import { Link } from 'react-router';
import type { SearchResult } from '../../api/contracts';
import { LOCATION_LABEL } from '../../api/contracts';
import { areasLabel, formatMoney, ratingLabel } from '../../lib/format';
import { formatDay, formatTime } from '../../lib/time';
import { bookingUrl } from '../booking/booking-url';
import { Avatar } from '../../components/avatar';
import { SaveButton } from '../saved/save-button';

/** The real start times the search found for this card, as buttons straight to the review step. */
function NextTimes({
  result,
  zone,
  asked,
  onPick,
}: {
  result: SearchResult;
  zone: string;
  asked: number | null;
  onPick: () => void;
}) {
  if (!result.nextAvailableAt)
    return <p className="text-sm text-slate-500">No open times in the next weeks</p>;
  // The server found these times for the length the search asked for, else the shortest.
  const duration = asked && result.durations.includes(asked) ? asked : Math.min(...result.durations);
  return (
    <div className="space-y-1">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
        Next available · {formatDay(result.nextAvailableAt, zone)}
      </p>
      <ul className="flex flex-wrap gap-2" aria-label={`Next times with ${result.instructor.name}`}>
        {result.nextTimes.map((s) => (
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
      </ul>
    </div>
  );
}

export function ResultCard({
  result,
  zone,
  duration,
  onOpen,
}: {
  result: SearchResult;
  zone: string;
  /** The lesson length the search asked for, if any. */
  duration: number | null;
  onOpen: () => void;
}) {
  const profileUrl = `/instructors/${result.instructor.id}?service=${result.instructorServiceId}`;
  return (
    <article className="flex flex-col gap-4 rounded-2xl border border-slate-200 p-4 sm:flex-row sm:p-5">
      <Avatar id={result.instructor.id} name={result.instructor.name} photoUrl={result.instructor.photoUrl} />
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
          <div className="flex items-start gap-3">
            <p className="text-right">
              <span className="text-xl font-bold">{formatMoney(result.hourlyRateCents)}</span>
              <span className="text-sm text-slate-600">/hour</span>
            </p>
            <SaveButton instructorId={result.instructor.id} name={result.instructor.name} />
          </div>
        </div>
        <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600">
          <span className="flex items-center gap-1">
            <Star className="size-4 text-amber-500" aria-hidden />
            {ratingLabel(result.rating, result.reviewCount)}
          </span>
          <span className="flex items-center gap-1">
            <MapPin className="size-4" aria-hidden /> {areasLabel(result.instructor.areas)}
          </span>
        </p>
        <p className="text-xs text-slate-500">{result.matchReason}</p>
        <NextTimes result={result} zone={zone} asked={duration} onPick={onOpen} />
      </div>
    </article>
  );
}
