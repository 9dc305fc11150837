import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Link } from 'react-router';
import { Button } from '../../components/button';
import { ErrorState } from '../../components/states';
import {
  addDays,
  formatDuration,
  formatTime,
  localDateOf,
  shortDay,
  todayIn,
  zoneLabel,
} from '../../lib/time';
import { bookingUrl } from '../booking/booking-url';
import { slotsOf, usePublicAvailability, type Slot } from './availability-queries';

/**
 * A week of real bookable times in the viewer's zone. Times are offered on the half hour for the
 * shortest lesson; those where the chosen length does not fit (a booking or the end of the
 * instructor's hours follows too soon) are shown disabled rather than hidden.
 */
export function WeekGrid({
  instructorId,
  offeringId,
  durations,
  duration,
  weekStart,
  onWeekChange,
  zone,
}: {
  instructorId: string;
  offeringId: string;
  durations: number[];
  duration: number;
  weekStart: string;
  onWeekChange: (start: string) => void;
  zone: string;
}) {
  const shortest = Math.min(...durations);
  // One day either side: the instructor's dates and the viewer's may not line up.
  const range = { start: addDays(weekStart, -1), end: addDays(weekStart, 7), offeringId };
  const today = todayIn(zone);
  const fetchStart = range.start < today ? today : range.start;
  const base = usePublicAvailability(instructorId, { ...range, start: fetchStart, duration: shortest });
  const chosen = usePublicAvailability(instructorId, { ...range, start: fetchStart, duration });

  const fits = new Set(chosen.data ? slotsOf(chosen.data).map((s) => s.startsAt) : []);
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
  const byDay = new Map<string, Slot[]>(days.map((d) => [d, []]));
  for (const s of base.data ? slotsOf(base.data) : []) {
    byDay.get(localDateOf(s.startsAt, zone))?.push(s);
  }
  const loading = base.isPending || chosen.isPending;

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <Button
          variant="secondary"
          onClick={() => onWeekChange(addDays(weekStart, -7))}
          disabled={weekStart <= today}
          aria-label="Previous week"
        >
          <ChevronLeft className="size-4" aria-hidden />
        </Button>
        <p className="text-center text-sm text-slate-600">
          Times for a {formatDuration(duration)} lesson, in {zoneLabel(zone)}
        </p>
        <Button
          variant="secondary"
          onClick={() => onWeekChange(addDays(weekStart, 7))}
          aria-label="Next week"
        >
          <ChevronRight className="size-4" aria-hidden />
        </Button>
      </div>
      {base.isError ? (
        <ErrorState error={base.error} retry={() => void base.refetch()} />
      ) : (
        // A phone gets a day per row (nothing cut off sideways); from tablet width, seven columns.
        <div className="sm:overflow-x-auto">
          <div
            className="grid grid-cols-1 gap-3 sm:min-w-[560px] sm:grid-cols-7 sm:gap-2"
            aria-busy={loading}
          >
            {days.map((d) => {
              const slots = byDay.get(d) ?? [];
              return (
                <section
                  key={d}
                  aria-label={shortDay(d)}
                  className="flex items-start gap-3 border-b border-slate-100 pb-2 sm:block sm:space-y-2 sm:border-0 sm:pb-0"
                >
                  <h3
                    className={`w-14 shrink-0 pt-1.5 text-sm font-semibold sm:w-auto sm:pt-0 sm:text-center ${d === today ? 'text-indigo-700' : ''}`}
                  >
                    {shortDay(d)}
                  </h3>
                  {loading ? (
                    <div className="h-8 flex-1 motion-safe:animate-pulse rounded-lg bg-slate-100 sm:h-32" />
                  ) : slots.length === 0 ? (
                    <p className="pt-1.5 text-xs text-slate-500 sm:text-center">
                      <span aria-hidden>—</span>
                      <span className="sr-only">No times</span>
                    </p>
                  ) : (
                    <ul className="flex flex-1 flex-wrap gap-1.5 sm:block sm:space-y-1.5">
                      {slots.map((s) => {
                        const label = formatTime(s.startsAt, zone);
                        return (
                          <li key={s.startsAt} className="w-[4.75rem] sm:w-auto">
                            {fits.has(s.startsAt) ? (
                              <Link
                                to={bookingUrl(instructorId, offeringId, { ...s, duration, step: 'review' })}
                                className="block rounded-md border border-indigo-200 bg-indigo-50 py-1.5 text-center text-xs font-medium text-indigo-800 hover:bg-indigo-100"
                                aria-label={`Book ${shortDay(d)} at ${label}`}
                              >
                                {label}
                              </Link>
                            ) : (
                              <span
                                className="block cursor-not-allowed rounded-md border border-slate-200 py-1.5 text-center text-xs text-slate-500 line-through"
                                title={`A ${formatDuration(duration)} lesson does not fit at ${label}`}
                                aria-disabled="true"
                              >
                                {label}
                              </span>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
