import { useState, type FormEvent } from 'react';
import type { BookingDetail } from '../../api/contracts';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextArea } from '../../components/field';
import { InlineError } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { useCancelLesson } from './lesson-queries';

/** The fee is the server's own quote for this moment, shown before anything is cancelled. */
export function CancelDialog({
  lesson,
  open,
  onClose,
}: {
  lesson: BookingDetail;
  open: boolean;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const cancel = useCancelLesson(lesson.id);
  const quote = lesson.cancellationQuote;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate(reason.trim(), { onSuccess: onClose });
  };
  return (
    <Dialog open={open} onClose={onClose} title="Cancel this lesson?">
      <form onSubmit={submit} className="space-y-4">
        {quote && (
          <div className="rounded-xl bg-slate-50 p-4 text-sm" data-testid="cancel-quote">
            {quote.feeCents === 0 ? (
              <p>
                <strong>No fee.</strong> You are cancelling more than {quote.policy.freeHours} hours ahead.
              </p>
            ) : (
              <p>
                <strong>Cancellation fee: {formatMoney(quote.feeCents)}</strong> ({quote.percent} % of{' '}
                {formatMoney(lesson.priceCents)}), because the lesson starts in {quote.hoursBeforeStart}{' '}
                hours.
              </p>
            )}
            <p className="mt-2 text-xs text-slate-600">
              Free more than {quote.policy.freeHours} h ahead · {quote.policy.partialPercent} % from{' '}
              {quote.policy.freeHours} h to {quote.policy.partialHours} h · {quote.policy.latePercent} % in
              the last {quote.policy.partialHours} h.
            </p>
          </div>
        )}
        <TextArea
          label="Reason (shared with your instructor)"
          rows={3}
          required
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <InlineError error={cancel.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep the lesson
          </Button>
          <Button type="submit" variant="danger" disabled={!reason.trim() || cancel.isPending}>
            {cancel.isPending
              ? 'Cancelling…'
              : quote && quote.feeCents > 0
                ? `Cancel and pay ${formatMoney(quote.feeCents)}`
                : 'Cancel the lesson'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
