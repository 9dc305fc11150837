import { Ban } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Conversation } from '../../api/contracts';
import { Pager, pageCount } from '../../components/pager';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { messageTime } from './message-format';
import { useConversations } from './messages-queries';
import { Avatar } from '../../components/avatar';

/** The other person of a conversation, from `me`'s side, and what they are to me. */
export function otherOf(c: Conversation, me: string) {
  return c.student.id === me
    ? { ...c.instructor, role: 'Instructor' as const }
    : { ...c.student, role: 'Student' as const };
}

/** My conversations, most recent first, with who they are with and what I have not read. */
export function ConversationList({ me, zone, activeId }: { me: string; zone: string; activeId?: string }) {
  const [page, setPage] = useState(1);
  const list = useConversations(page);
  if (list.isPending) return <Loading rows={3} label="Loading conversations…" />;
  if (list.isError) return <ErrorState error={list.error} retry={() => void list.refetch()} />;
  if (list.data.items.length === 0)
    return (
      <EmptyState title="No conversations yet">
        Message an instructor from their profile or from one of your lessons.
      </EmptyState>
    );
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-200 overflow-hidden rounded-xl border border-slate-200">
        {list.data.items.map((c) => {
          const other = otherOf(c, me);
          const active = c.id === activeId;
          return (
            <li key={c.id}>
              <Link
                to={`/messages/${c.id}`}
                aria-current={active ? 'page' : undefined}
                className={`flex items-center gap-3 p-3 hover:bg-slate-50 ${active ? 'bg-indigo-50' : ''}`}
              >
                <Avatar id={other.id} name={other.name} photoUrl={other.photoUrl} size="sm" />
                <span className="min-w-0 flex-1">
                  <span className={`block truncate ${c.unreadCount ? 'font-bold' : 'font-medium'}`}>
                    {other.name}
                  </span>
                  <span className="block truncate text-xs text-slate-600">
                    {other.role}
                    {c.lastMessageAt ? ` · ${messageTime(c.lastMessageAt, zone)}` : ' · No messages yet'}
                    {c.blockedByMe && (
                      <>
                        {' · '}
                        <Ban className="inline size-3" aria-hidden /> Blocked
                      </>
                    )}
                  </span>
                </span>
                {c.unreadCount > 0 && (
                  <span className="min-w-6 rounded-full bg-rose-600 px-2 text-center text-xs font-semibold leading-6 text-white">
                    {c.unreadCount}
                    <span className="sr-only"> unread</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
      <Pager page={page} pages={pageCount(list.data)} onPage={setPage} />
    </div>
  );
}
