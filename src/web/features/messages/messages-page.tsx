import { MessagesSquare } from 'lucide-react';
import { useParams } from 'react-router';
import { useMe } from '../auth/use-me';
import { ConversationList } from './conversation-list';
import { Thread } from './thread';

/**
 * Messages: the conversation list beside the open thread; on a narrow screen one at a time (the
 * list at /messages, the thread at /messages/:conversationId).
 */
export default function MessagesPage() {
  const { conversationId } = useParams();
  const { data: me } = useMe();
  if (!me) return null; // RequireSignIn shows the way to log in first
  const zone = me.timezone;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Messages</h1>
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <section aria-label="Conversations" className={conversationId ? 'hidden lg:block' : ''}>
          <ConversationList me={me.id} zone={zone} activeId={conversationId} />
        </section>
        {conversationId ? (
          <Thread key={conversationId} id={conversationId} me={me.id} zone={zone} />
        ) : (
          <div className="hidden flex-col items-center justify-center gap-2 rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 lg:flex">
            <MessagesSquare className="size-8 text-slate-400" aria-hidden />
            Choose a conversation to read it.
          </div>
        )}
      </div>
    </div>
  );
}
