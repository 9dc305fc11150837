import { useState } from 'react';
import type { Booking } from '../../api/contracts';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextArea } from '../../components/field';
import { InlineError } from '../../components/states';
import { useLessonAction } from './dashboard-queries';

/** An instructor cancels a lesson with a reason the student reads; the student pays nothing. */
export function InstructorCancelDialog({ lesson, onClose }: { lesson: Booking | null; onClose: () => void }) {
  const action = useLessonAction();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    action.reset();
    onClose();
  };
  return (
    <Dialog open={!!lesson} onClose={close} title="Cancel this lesson?">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (lesson)
            action.mutate({ id: lesson.id, action: 'cancel', reason: reason.trim() }, { onSuccess: close });
        }}
      >
        <p className="text-sm">
          {lesson?.student.name} is told at once and pays nothing when you cancel. The time opens again for
          others.
        </p>
        <TextArea
          label="Reason (shared with the student)"
          rows={3}
          required
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <InlineError error={action.error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Keep it
          </Button>
          <Button type="submit" variant="danger" disabled={!reason.trim() || action.isPending}>
            Cancel the lesson
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
