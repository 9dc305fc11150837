import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { LessonFeedback, Review } from '../../api/contracts';
import { Button } from '../../components/button';
import { InlineError } from '../../components/states';
import { StarsField } from './stars-field';

/**
 * The instructor's side of a completed lesson: private feedback on the student (which, with the
 * student's review, lifts the double-blind), then the student's review once published, with the one
 * public reply the instructor may give.
 */
export function InstructorFeedback({ bookingId, studentName }: { bookingId: string; studentName: string }) {
  const feedback = useQuery({
    queryKey: ['booking', bookingId, 'feedback'],
    queryFn: () => api<LessonFeedback>(`/bookings/${bookingId}/feedback`),
  });
  if (!feedback.data) return null;
  const f = feedback.data;
  return (
    <>
      {f.canGiveStudentFeedback && <StudentFeedbackForm bookingId={bookingId} studentName={studentName} />}
      {f.studentFeedback && (
        <section
          className="space-y-1 rounded-2xl border border-slate-200 p-5 text-sm"
          aria-label="Your feedback on the student"
        >
          <h2 className="font-semibold">
            Your feedback on {studentName}: {f.studentFeedback.rating} / 5
          </h2>
          {f.studentFeedback.text && <p className="whitespace-pre-line">{f.studentFeedback.text}</p>}
          <p className="text-slate-500">Private: only you and the platform see it.</p>
        </section>
      )}
      {f.review && <ReviewWithReply bookingId={bookingId} review={f.review} />}
    </>
  );
}

function StudentFeedbackForm({ bookingId, studentName }: { bookingId: string; studentName: string }) {
  const qc = useQueryClient();
  const [rating, setRating] = useState(0);
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api(`/bookings/${bookingId}/student-feedback`, {
        method: 'POST',
        body: { rating, ...(text.trim() ? { text } : {}) },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['booking', bookingId, 'feedback'] }),
  });
  return (
    <form
      className="space-y-3 rounded-2xl border border-slate-200 p-5"
      aria-label="Feedback on the student"
      onSubmit={(e) => {
        e.preventDefault();
        if (rating) send.mutate();
      }}
    >
      <h2 className="font-semibold">How did the lesson with {studentName} go?</h2>
      <StarsField name="student-rating" value={rating} onChange={setRating} />
      <label className="block text-sm">
        Notes (optional)
        <textarea
          className="mt-1 block w-full rounded-lg border border-slate-300 p-2"
          maxLength={2000}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {send.isError && <InlineError error={send.error} />}
      <Button type="submit" disabled={!rating || send.isPending}>
        Send feedback
      </Button>
      <p className="text-xs text-slate-500">
        Never public. Once you have both written, you see the student’s review and may reply to it.
      </p>
    </form>
  );
}

function ReviewWithReply({ bookingId, review }: { bookingId: string; review: Review }) {
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const send = useMutation({
    mutationFn: () => api<Review>(`/reviews/${review.id}/reply`, { method: 'POST', body: { text } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['booking', bookingId, 'feedback'] }),
  });
  return (
    <section
      className="space-y-2 rounded-2xl border border-slate-200 p-5 text-sm"
      aria-label="The student’s review"
    >
      <h2 className="font-semibold">
        {review.reviewerName}’s review: {review.rating} / 5
      </h2>
      {review.text && <p className="whitespace-pre-line">{review.text}</p>}
      {review.hidden && <p className="text-slate-500">Hidden by a moderator: {review.hidden.reason}</p>}
      {review.reply ? (
        <p className="ml-4 border-l-2 border-slate-200 pl-3 text-slate-600">
          <span className="font-medium">Your reply:</span> {review.reply.text}
        </p>
      ) : (
        !review.hidden && (
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (text.trim()) send.mutate();
            }}
          >
            <label className="block">
              Reply publicly (once; it shows under the review on your profile)
              <textarea
                className="mt-1 block w-full rounded-lg border border-slate-300 p-2"
                maxLength={2000}
                rows={3}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </label>
            {send.isError && <InlineError error={send.error} />}
            <Button type="submit" disabled={!text.trim() || send.isPending}>
              Post reply
            </Button>
          </form>
        )
      )}
    </section>
  );
}
