import { useState } from 'react';
import type { Message } from '../../api/contracts';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextArea } from '../../components/field';
import { InlineError } from '../../components/states';
import { useReportMessage } from './messages-queries';

/** Reports a received message to the moderators, with the reader's reason. */
export function ReportDialog({ message, onClose }: { message: Message | null; onClose: () => void }) {
  const report = useReportMessage();
  const [reason, setReason] = useState('');
  const close = () => {
    setReason('');
    report.reset();
    onClose();
  };
  return (
    <Dialog open={!!message} onClose={close} title="Report this message">
      {report.isSuccess ? (
        <div className="space-y-4">
          <p role="status" className="text-sm">
            Thank you. A moderator will read the conversation and act if it breaks the rules.
          </p>
          <div className="flex justify-end">
            <Button onClick={close}>Done</Button>
          </div>
        </div>
      ) : (
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (message) report.mutate({ messageId: message.id, reason: reason.trim() });
          }}
        >
          {message?.body && (
            <blockquote className="max-h-32 overflow-y-auto whitespace-pre-wrap break-words border-l-4 border-slate-300 pl-3 text-sm text-slate-700">
              {message.body}
            </blockquote>
          )}
          <TextArea
            label="What is wrong with it?"
            rows={3}
            required
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <InlineError error={report.error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={!reason.trim() || report.isPending}>
              Report
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
