import { ArrowLeft, Ban, ShieldAlert } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import type { Conversation, Message } from '../../api/contracts';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { ErrorState, InlineError, Loading, Spinner } from '../../components/states';
import { Composer } from './composer';
import { otherOf } from './conversation-list';
import { PendingItem, SentMessage } from './message-item';
import { useBlock, useConversation, useMarkRead, useMessages, useSendMessage } from './messages-queries';
import { ReportDialog } from './report-dialog';
import { lastSeenId, threadItems, type PendingMessage } from './thread-cache';

/** Whether the reader can see the page: a thread in a hidden tab is not read. */
function usePageVisible() {
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  return visible;
}

/** One conversation: its history, newest at the bottom, and the composer. */
export function Thread({ id, me, zone }: { id: string; me: string; zone: string }) {
  const conversation = useConversation(id);
  if (conversation.isPending) return <Loading rows={4} label="Loading the conversation…" />;
  if (conversation.isError)
    return (
      <div className="space-y-3">
        <BackLink />
        <ErrorState error={conversation.error} retry={() => void conversation.refetch()} />
      </div>
    );
  return <ThreadView c={conversation.data} me={me} zone={zone} />;
}

function BackLink() {
  return (
    <Link
      to="/messages"
      className="inline-flex items-center gap-1 text-sm text-indigo-700 hover:underline lg:hidden"
    >
      <ArrowLeft className="size-4" aria-hidden /> All conversations
    </Link>
  );
}

function ThreadView({ c, me, zone }: { c: Conversation; me: string; zone: string }) {
  const other = otherOf(c, me);
  const history = useMessages(c.id);
  const send = useSendMessage(c.id);
  const { mutate: markRead, isPending: marking } = useMarkRead(c.id);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [reporting, setReporting] = useState<Message | null>(null);
  const visible = usePageVisible();
  const items = threadItems(history.data, pending);
  const seen = lastSeenId(items, me);

  // Reading the open thread marks what arrived as read (the server then clears the badge).
  useEffect(() => {
    if (c.unreadCount > 0 && visible && !marking) markRead();
  }, [c.unreadCount, visible, marking, markRead]);

  // Newest at the bottom: follow new messages while the reader is at the bottom, and keep their
  // place when older ones are added above.
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const heightBeforeOlder = useRef<number | null>(null);
  const first = items[0];
  const last = items.at(-1);
  const firstKey = first ? (first.kind === 'sent' ? first.message.id : first.pending.clientMessageId) : '';
  const lastKey = last ? (last.kind === 'sent' ? last.message.id : last.pending.clientMessageId) : '';
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [lastKey]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && heightBeforeOlder.current !== null) {
      el.scrollTop = el.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    }
  }, [firstKey]);
  const loadOlder = () => {
    const el = scroller.current;
    if (el) heightBeforeOlder.current = el.scrollHeight - el.scrollTop;
    void history.fetchNextPage();
  };

  const dispatch = (p: PendingMessage) => {
    send
      .mutateAsync({ body: p.body, clientMessageId: p.clientMessageId })
      .then(() => setPending((ps) => ps.filter((x) => x.clientMessageId !== p.clientMessageId)))
      .catch((e: unknown) =>
        setPending((ps) =>
          ps.map((x) =>
            x.clientMessageId === p.clientMessageId ? { ...x, state: 'failed', error: errorMessage(e) } : x,
          ),
        ),
      );
  };
  const onSend = (body: string) => {
    // Made once per message: a retry of it can never become a second message.
    const p: PendingMessage = {
      clientMessageId: crypto.randomUUID(),
      body,
      sentAt: new Date().toISOString(),
      state: 'sending',
    };
    atBottom.current = true;
    setPending((ps) => [...ps, p]);
    dispatch(p);
  };
  const retry = (p: PendingMessage) => {
    setPending((ps) =>
      ps.map((x) => (x.clientMessageId === p.clientMessageId ? { ...x, state: 'sending' } : x)),
    );
    dispatch(p);
  };

  return (
    <section aria-labelledby="thread-heading" className="flex min-w-0 flex-col gap-3">
      <BackLink />
      <div className="flex min-w-0 flex-col rounded-xl border border-slate-200">
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 p-3">
          <div className="min-w-0">
            <h2 id="thread-heading" className="truncate text-lg font-semibold">
              {other.role === 'Instructor' ? (
                <Link to={`/instructors/${other.id}`} className="hover:underline">
                  {other.name}
                </Link>
              ) : (
                other.name
              )}
            </h2>
            <p className="text-xs text-slate-600">{other.role}</p>
          </div>
          <BlockAction c={c} name={other.name} student={other.role === 'Student'} />
        </header>
        {c.contactDetails.masked && c.contactDetails.explanation && (
          <p className="flex items-start gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
            <ShieldAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
            {c.contactDetails.explanation}
          </p>
        )}
        <div
          ref={scroller}
          role="region"
          aria-label={`Messages with ${other.name}`}
          tabIndex={0}
          onScroll={(e) => {
            const el = e.currentTarget;
            atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
          }}
          className="h-[45dvh] min-h-64 overflow-y-auto lg:h-[55dvh] p-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-300"
        >
          {history.isPending ? (
            <Loading rows={3} label="Loading messages…" />
          ) : history.isError ? (
            <ErrorState error={history.error} retry={() => void history.refetch()} />
          ) : (
            <>
              {history.hasNextPage && (
                <div className="mb-3 flex justify-center">
                  {history.isFetchingNextPage ? (
                    <Spinner label="Loading older messages…" />
                  ) : (
                    <Button variant="secondary" onClick={loadOlder}>
                      Load older messages
                    </Button>
                  )}
                </div>
              )}
              {items.length === 0 ? (
                <p className="py-8 text-center text-sm text-slate-600">
                  No messages yet. Say hello to {other.name}.
                </p>
              ) : (
                <ol className="flex flex-col gap-3">
                  {items.map((it) =>
                    it.kind === 'sent' ? (
                      <SentMessage
                        key={it.message.id}
                        message={it.message}
                        mine={it.message.senderId === me}
                        senderName={other.name}
                        zone={zone}
                        showSeen={it.message.id === seen}
                        onReport={setReporting}
                      />
                    ) : (
                      <PendingItem
                        key={it.pending.clientMessageId}
                        pending={it.pending}
                        onRetry={() => retry(it.pending)}
                        onDiscard={() =>
                          setPending((ps) =>
                            ps.filter((x) => x.clientMessageId !== it.pending.clientMessageId),
                          )
                        }
                      />
                    ),
                  )}
                </ol>
              )}
            </>
          )}
        </div>
        {c.blockedByMe ? (
          <p className="border-t border-slate-200 p-3 text-sm text-slate-700">
            You blocked {other.name}. Unblock them to write again.
          </p>
        ) : c.blockedByThem ? (
          <p className="border-t border-slate-200 p-3 text-sm text-slate-700">
            You cannot send messages in this conversation.
          </p>
        ) : (
          <Composer to={other.name} onSend={onSend} />
        )}
      </div>
      <ReportDialog message={reporting} onClose={() => setReporting(null)} />
    </section>
  );
}

/** Block (asked first: it also stops them booking me) or unblock the other person. */
function BlockAction({ c, name, student }: { c: Conversation; name: string; student: boolean }) {
  const block = useBlock(c.id);
  const [asking, setAsking] = useState(false);
  if (c.blockedByMe)
    return (
      <div className="space-y-1">
        <Button variant="secondary" disabled={block.isPending} onClick={() => block.mutate(false)}>
          Unblock
        </Button>
        <InlineError error={block.error} />
      </div>
    );
  return (
    <>
      <Button variant="ghost" onClick={() => setAsking(true)}>
        <Ban className="size-4" aria-hidden /> Block
      </Button>
      <Dialog open={asking} onClose={() => setAsking(false)} title={`Block ${name}?`}>
        <div className="space-y-4">
          <p className="text-sm">
            {name} will no longer be able to send you messages
            {student ? ' or book lessons with you' : ''}. You can unblock them later.
          </p>
          <InlineError error={block.error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setAsking(false)}>
              Cancel
            </Button>
            <Button
              variant="danger"
              disabled={block.isPending}
              onClick={() => block.mutate(true, { onSuccess: () => setAsking(false) })}
            >
              Block
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
