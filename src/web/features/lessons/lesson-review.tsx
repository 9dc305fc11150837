import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { LessonFeedback, Review, ReviewTag } from '../../api/contracts';
import { REVIEW_TAGS } from '../../api/contracts';
import { Button } from '../../components/button';
import { InlineError } from '../../components/states';
import { StarsField } from './stars-field';

const tagLabel = (t: string) => t.replace(/_/g, ' ');

/** A completed lesson's review: the form while the student may still write, then what was written. */
export function LessonReview({ bookingId }: { bookingId: string }) {
  const qc = useQueryClient();
  const feedback = useQuery({
    queryKey: ['booking', bookingId, 'feedback'],
    queryFn: () => api<LessonFeedback>(`/bookings/${bookingId}/feedback`),
  });
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const [tags, setTags] = useState<ReviewTag[]>([]);
  const send = useMutation({
    mutationFn: () =>
      api<Review>(`/bookings/${bookingId}/review`, {
        method: 'POST',
        body: { rating, ...(text.trim() ? { text } : {}), ...(tags.length ? { tags } : {}) },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['booking', bookingId, 'feedback'] }),
  });
  if (!feedback.data) return null;
  const f = feedback.data;
  if (f.review)
    return (
      <section className="space-y-1 rounded-2xl border border-slate-200 p-5 text-sm" aria-label="Your review">
        <h2 className="font-semibold">Your review: {f.review.rating} / 5</h2>
        {f.review.text && <p className="whitespace-pre-line">{f.review.text}</p>}
        {f.review.reply && (
          <p className="ml-4 border-l-2 border-slate-200 pl-3 text-slate-600">
            <span className="font-medium">Reply from the instructor:</span> {f.review.reply.text}
          </p>
        )}
        <p className="text-slate-500">
          {f.review.published
            ? 'Published on the instructor’s profile.'
            : `Published once the instructor has written theirs, or on ${new Date(f.review.visibleAt).toLocaleDateString()}.`}
        </p>
      </section>
    );
  if (!f.canReview) return null;
  return (
    <form
      className="space-y-3 rounded-2xl border border-slate-200 p-5"
      aria-label="Review this lesson"
      onSubmit={(e) => {
        e.preventDefault();
        if (rating) send.mutate();
      }}
    >
      <h2 className="font-semibold">How was the lesson?</h2>
      <StarsField name="rating" value={rating} onChange={setRating} />
      <label className="block text-sm">
        What should others know? (optional)
        <textarea
          className="mt-1 block w-full rounded-lg border border-slate-300 p-2"
          maxLength={2000}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="mb-1 text-slate-600">Tags (optional)</legend>
        {REVIEW_TAGS.map((t) => (
          <label key={t} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={tags.includes(t)}
              onChange={(e) =>
                setTags((all) => (e.target.checked ? [...all, t] : all.filter((x) => x !== t)))
              }
            />
            {tagLabel(t)}
          </label>
        ))}
      </fieldset>
      {send.isError && <InlineError error={send.error} />}
      <Button type="submit" disabled={!rating || send.isPending}>
        Post review
      </Button>
      <p className="text-xs text-slate-500">
        Your review stays private until the instructor has given their feedback or 14 days have passed.
      </p>
    </form>
  );
}
