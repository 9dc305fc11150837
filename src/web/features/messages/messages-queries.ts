import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Conversation, ConversationPage, Message, MessagePage } from '../../api/contracts';
import { upsertMessage, type ThreadData } from './thread-cache';

export const conversationsKey = ['conversations'] as const;
export const conversationKey = (id: string) => ['conversation', id] as const;
export const messagesKey = (id: string) => ['messages', id] as const;
export const unreadTotalKey = ['unread-total'] as const;

const PER_PAGE = 20;
const HISTORY_PAGE = 30;

export const useConversations = (page: number) =>
  useQuery({
    queryKey: [...conversationsKey, page],
    queryFn: () => api<ConversationPage>('/conversations', { query: { page, perPage: PER_PAGE } }),
  });

/** The live unread total for the nav badge: fetched once, then kept by the event stream. */
export const useUnreadTotal = (enabled: boolean) =>
  useQuery({
    queryKey: unreadTotalKey,
    queryFn: async () =>
      (await api<ConversationPage>('/conversations', { query: { perPage: 1 } })).unreadTotal,
    enabled,
    staleTime: Infinity,
  });

export const useConversation = (id: string) =>
  useQuery({ queryKey: conversationKey(id), queryFn: () => api<Conversation>(`/conversations/${id}`) });

/** History newest first, a page at a time; "load older" asks for the page before the last one. */
export const useMessages = (id: string) =>
  useInfiniteQuery({
    queryKey: messagesKey(id),
    queryFn: ({ pageParam }) =>
      api<MessagePage>(`/conversations/${id}/messages`, {
        query: { before: pageParam, limit: HISTORY_PAGE },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The event stream keeps it current; a refetch would only repeat what it has.
    staleTime: Infinity,
  });

/** A conversation as the server answered it, into every cache that shows it. */
export function storeConversation(qc: QueryClient, c: Conversation) {
  qc.setQueryData(conversationKey(c.id), c);
  qc.setQueriesData<ConversationPage>({ queryKey: conversationsKey }, (page) =>
    page ? { ...page, items: page.items.map((x) => (x.id === c.id ? c : x)) } : page,
  );
}

export const storeMessage = (qc: QueryClient, m: Message) =>
  qc.setQueryData<ThreadData>(messagesKey(m.conversationId), (d) => upsertMessage(d, m));

/** Opens (or finds) my conversation with an instructor or a student of mine, then shows it. */
export function useOpenConversation() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (with_: { instructorId: string } | { studentId: string }) =>
      api<Conversation>('/conversations', { method: 'POST', body: with_ }),
    onSuccess: (c) => {
      qc.setQueryData(conversationKey(c.id), c);
      void qc.invalidateQueries({ queryKey: conversationsKey });
      void navigate(`/messages/${c.id}`);
    },
  });
}

export function useSendMessage(conversationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { body: string; clientMessageId: string }) =>
      api<Message>(`/conversations/${conversationId}/messages`, { method: 'POST', body }),
    onSuccess: (m) => {
      storeMessage(qc, m);
      void qc.invalidateQueries({ queryKey: conversationsKey });
    },
    // A refusal (a block since the page loaded) shows in the conversation's state.
    onError: () => qc.invalidateQueries({ queryKey: conversationKey(conversationId) }),
  });
}

export function useMarkRead(conversationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Conversation>(`/conversations/${conversationId}/read`, { method: 'POST' }),
    onSuccess: (c) => storeConversation(qc, c),
  });
}

export function useBlock(conversationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (block: boolean) =>
      api<Conversation>(`/conversations/${conversationId}/block`, { method: block ? 'POST' : 'DELETE' }),
    onSuccess: (c) => storeConversation(qc, c),
  });
}

export const useReportMessage = () =>
  useMutation({
    mutationFn: ({ messageId, reason }: { messageId: string; reason: string }) =>
      api(`/messages/${messageId}/report`, { method: 'POST', body: { reason } }),
  });
