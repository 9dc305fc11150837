import { Check, CheckCheck, EyeOff, Flag } from 'lucide-react';
import type { Message } from '../../api/contracts';
import { messageTime } from './message-format';
import type { PendingMessage } from './thread-cache';

const bubble = (mine: boolean) =>
  `whitespace-pre-wrap break-words rounded-2xl px-3 py-2 text-sm ${mine ? 'rounded-br-sm bg-indigo-600 text-white' : 'rounded-bl-sm bg-slate-100 text-slate-900'}`;

const row = (mine: boolean) =>
  `flex max-w-[85%] flex-col gap-1 ${mine ? 'ml-auto items-end' : 'items-start'}`;

/** One message the server has: mine with its sent / seen mark, theirs with a way to report it. */
export function SentMessage({
  message: m,
  mine,
  senderName,
  zone,
  showSeen,
  onReport,
}: {
  message: Message;
  mine: boolean;
  senderName: string;
  zone: string;
  showSeen: boolean;
  onReport: (m: Message) => void;
}) {
  return (
    <li className={row(mine)} data-testid="message">
      <div className={m.hidden ? `${bubble(false)} italic text-slate-600` : bubble(mine)}>
        <span className="sr-only">{mine ? 'You' : senderName}: </span>
        {m.hidden ? (
          <>
            <EyeOff className="mr-1 inline size-4" aria-hidden />A moderator hid this message.
          </>
        ) : (
          m.body
        )}
      </div>
      <p className="flex flex-wrap items-center gap-x-2 text-xs text-slate-600">
        <time dateTime={m.sentAt}>{messageTime(m.sentAt, zone)}</time>
        {m.masked && <span>Contact details hidden</span>}
        {mine &&
          (m.readAt ? (
            <span className="inline-flex items-center gap-0.5" data-testid="seen">
              <CheckCheck className="size-3.5 text-indigo-600" aria-hidden />
              <span className={showSeen ? '' : 'sr-only'}>Seen</span>
            </span>
          ) : (
            <span className="inline-flex items-center">
              <Check className="size-3.5" aria-hidden />
              <span className="sr-only">Sent</span>
            </span>
          ))}
        {!mine && !m.hidden && (
          <button
            type="button"
            onClick={() => onReport(m)}
            className="inline-flex items-center gap-0.5 rounded px-1 underline-offset-2 hover:underline"
          >
            <Flag className="size-3" aria-hidden /> Report<span className="sr-only"> this message</span>
          </button>
        )}
      </p>
    </li>
  );
}

/** A message of mine on its way: "Sending…", or "Not sent" with a retry under the same id. */
export function PendingItem({
  pending: p,
  onRetry,
  onDiscard,
}: {
  pending: PendingMessage;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  return (
    <li className={row(true)} data-testid="message">
      <div className={`${bubble(true)} ${p.state === 'sending' ? 'opacity-70' : ''}`}>
        <span className="sr-only">You: </span>
        {p.body}
      </div>
      {p.state === 'sending' ? (
        <p className="text-xs text-slate-600">Sending…</p>
      ) : (
        <p role="alert" className="flex flex-wrap items-center justify-end gap-2 text-xs text-rose-700">
          Not sent{p.error ? `: ${p.error}` : ''}
          <button type="button" onClick={onRetry} className="font-semibold underline">
            Retry
          </button>
          <button type="button" onClick={onDiscard} className="underline">
            Discard
          </button>
        </p>
      )}
    </li>
  );
}
