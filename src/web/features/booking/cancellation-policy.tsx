import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { BookingTerms } from '../../api/contracts';
import { InlineError } from '../../components/states';

/** The terms the server applies (GET /bookings/terms), in words, so the page never restates them. */
export function CancellationPolicy() {
  const terms = useQuery({
    queryKey: ['booking-terms'],
    queryFn: () => api<BookingTerms>('/bookings/terms'),
    staleTime: Infinity,
  });
  const c = terms.data?.cancellation;
  return (
    <div className="space-y-1 text-xs text-slate-600" data-testid="cancellation-policy">
      <p className="font-semibold text-slate-700">Cancellation policy</p>
      {terms.error ? (
        <InlineError error={terms.error} />
      ) : (
        // Four fixed-height rows while loading, so the confirm button does not move.
        <ul className="list-disc space-y-0.5 pl-4" aria-busy={!terms.data}>
          <li className="min-h-4">{c && `Free until ${c.freeHours} hours before the lesson.`}</li>
          <li className="min-h-4">
            {c &&
              `${c.partialPercent} % of the price between ${c.freeHours} and ${c.partialHours} hours before.`}
          </li>
          <li className="min-h-4">
            {c &&
              (c.latePercent === 100
                ? `The full price in the last ${c.partialHours} hours.`
                : `${c.latePercent} % of the price in the last ${c.partialHours} hours.`)}
          </li>
          <li className="min-h-4">
            {terms.data &&
              `Move the lesson for free until ${terms.data.rescheduleMinHours} hours before it starts.`}
          </li>
        </ul>
      )}
    </div>
  );
}
