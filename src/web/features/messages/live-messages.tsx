import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { otherPersonName, useEventStream, type StreamEvent } from './event-stream';
import { arrivalAnnouncement } from './message-format';

/**
 * The signed-in person's live messaging, on every page: the tab's one event stream, and a polite
 * live region that reads out each message someone else sends them.
 */
export function LiveMessages({ userId }: { userId: string }) {
  const qc = useQueryClient();
  const [said, setSaid] = useState({ text: '', n: 0 });
  const onEvent = useCallback(
    (e: StreamEvent) => {
      if (e.type !== 'message' || e.data.message.senderId === userId) return;
      const text = arrivalAnnouncement(
        otherPersonName(qc, e.data.conversationId, userId),
        e.data.message.body,
      );
      setSaid((s) => ({ text, n: s.n + 1 }));
    },
    [qc, userId],
  );
  useEventStream(userId, onEvent);
  return (
    <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="message-announcer">
      {/* Keyed by count, so the same words said twice are announced twice. */}
      <span key={said.n}>{said.text}</span>
    </div>
  );
}
