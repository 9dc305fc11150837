import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Star } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../api/client';
import type { InstructorReviewPage } from '../../api/contracts';
import { Button } from '../../components/button';
import { ErrorState, Loading } from '../../components/states';

const PER_PAGE = 5;
const tagLabel = (t: string) => t.replace(/_/g, ' ');

/**
 * The newest `shown` reviews. The profile asks for the first page alongside the instructor, so the
 * page appears with its reviews in place instead of pushing the prices and times down when they land.
 */
export function useInstructorReviews(instructorId: string, shown = PER_PAGE) {
  return useQuery({
    queryKey: ['reviews', instructorId, shown],
    queryFn: () =>
      api<InstructorReviewPage>(`/instructors/${instructorId}/reviews`, { query: { perPage: shown } }),
    // "More reviews" keeps the list on screen while the longer page loads.
    placeholderData: keepPreviousData,
  });
}

/** The instructor's published reviews on their profile, newest first, with their replies. */
export function ReviewsList({ instructorId }: { instructorId: string }) {
  const [shown, setShown] = useState(PER_PAGE);
  const reviews = useInstructorReviews(instructorId, shown);
  if (reviews.isPending) return <Loading rows={2} />;
  if (reviews.isError) return <ErrorState error={reviews.error} retry={() => void reviews.refetch()} />;
  const { items, total } = reviews.data;
  return (
    <section aria-labelledby="reviews-heading" className="space-y-3">
      <h2 id="reviews-heading" className="text-xl font-semibold">
        Reviews {total > 0 && <span className="text-base font-normal text-slate-500">({total})</span>}
      </h2>
      {items.length === 0 && <p className="text-slate-600">No reviews yet.</p>}
      <ul className="space-y-4">
        {items.map((r) => (
          <li key={r.id} className="space-y-1 rounded-xl border border-slate-200 p-4">
            <p className="flex items-center gap-2 text-sm">
              <span className="flex" role="img" aria-label={`${r.rating} out of 5 stars`}>
                {Array.from({ length: 5 }, (_, i) => (
                  <Star
                    key={i}
                    aria-hidden
                    className={`size-4 ${i < r.rating ? 'fill-amber-400 text-amber-500' : 'text-slate-300'}`}
                  />
                ))}
              </span>
              <span className="font-medium">{r.reviewerName}</span>
              <span className="text-slate-500">
                · {r.serviceName} · {new Date(r.createdAt).toLocaleDateString()}
              </span>
            </p>
            {r.text && <p className="whitespace-pre-line text-slate-700">{r.text}</p>}
            {r.tags.length > 0 && (
              <p className="text-xs text-slate-500">{r.tags.map(tagLabel).join(' · ')}</p>
            )}
            {r.reply && (
              <p className="ml-4 border-l-2 border-slate-200 pl-3 text-sm text-slate-600">
                <span className="font-medium">Reply from the instructor:</span> {r.reply.text}
              </p>
            )}
          </li>
        ))}
      </ul>
      {items.length < total && (
        <Button variant="secondary" onClick={() => setShown((n) => n + PER_PAGE)}>
          More reviews
        </Button>
      )}
    </section>
  );
}
