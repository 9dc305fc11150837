import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type {
  Conversation,
  ConversationPage,
  MessageEvent,
  MessageHiddenEvent,
  ReadEvent,
  UnreadEvent,
} from '../../api/contracts';
import { meKey } from '../auth/use-me';
import {
  conversationKey,
  conversationsKey,
  messagesKey,
  storeMessage,
  unreadTotalKey,
} from './messages-queries';
import { applyReadReceipt, replaceMessage, type ThreadData } from './thread-cache';

export type StreamEvent =
  | { type: 'message'; data: MessageEvent }
  | { type: 'message_hidden'; data: MessageHiddenEvent }
  | { type: 'read'; data: ReadEvent }
  | { type: 'unread'; data: UnreadEvent };

const STREAM_TYPES = ['message', 'message_hidden', 'read', 'unread'] as const;

/** Brings every cache that shows messaging up to date with one event of the stream. */
export function applyStreamEvent(qc: QueryClient, e: StreamEvent): void {
  if (e.type === 'message') {
    storeMessage(qc, e.data.message);
    // The list's order and times change; a new conversation may appear in it.
    void qc.invalidateQueries({ queryKey: conversationsKey });
  } else if (e.type === 'message_hidden') {
    // Its text goes wherever it shows; it never counts as a new message.
    qc.setQueryData<ThreadData>(messagesKey(e.data.conversationId), (d) => replaceMessage(d, e.data.message));
  } else if (e.type === 'read') {
    qc.setQueryData<ThreadData>(messagesKey(e.data.conversationId), (d) =>
      applyReadReceipt(d, e.data.readerId, e.data.readAt),
    );
  } else {
    const { conversationId, unreadCount, unreadTotal } = e.data;
    qc.setQueryData(unreadTotalKey, unreadTotal);
    qc.setQueryData<Conversation>(conversationKey(conversationId), (c) => c && { ...c, unreadCount });
    qc.setQueriesData<ConversationPage>({ queryKey: conversationsKey }, (page) =>
      page
        ? {
            ...page,
            unreadTotal,
            items: page.items.map((c) => (c.id === conversationId ? { ...c, unreadCount } : c)),
          }
        : page,
    );
  }
}

/** Whom a conversation in the caches is with, from `me`'s side; null when none is cached. */
export function otherPersonName(qc: QueryClient, conversationId: string, me: string): string | null {
  const c =
    qc.getQueryData<Conversation>(conversationKey(conversationId)) ??
    qc
      .getQueriesData<ConversationPage>({ queryKey: conversationsKey })
      .flatMap(([, page]) => page?.items ?? [])
      .find((x) => x.id === conversationId);
  if (!c) return null;
  return c.student.id === me ? c.instructor.name : c.student.name;
}

const MAX_RETRY_MS = 30_000;

/**
 * The tab's one event stream (GET /events, with the session cookie). The browser reconnects by
 * itself after a drop and sends Last-Event-ID, so the server replays what was missed. When the
 * browser gives up (the server answered with an error), a new stream starts after a pause with the
 * last id in the query string, as the header cannot be set on an EventSource.
 */
export function useEventStream(userId: string | null, onEvent: (e: StreamEvent) => void): void {
  const qc = useQueryClient();
  // The latest handler, without reopening the stream when it changes.
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (!userId) return;
    let es: EventSource | null = null;
    let lastId: string | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const connect = () => {
      const fresh = lastId === null;
      es = new EventSource(
        fresh ? '/api/v1/events' : `/api/v1/events?lastEventId=${encodeURIComponent(lastId!)}`,
      );
      es.onopen = () => {
        failures = 0;
        // A stream that starts "from now" may miss what happened since the pages read their data.
        if (fresh) {
          void qc.invalidateQueries({ queryKey: unreadTotalKey });
          void qc.invalidateQueries({ queryKey: conversationsKey });
          void qc.invalidateQueries({ queryKey: ['conversation'] });
          void qc.invalidateQueries({ queryKey: ['messages'] });
        }
      };
      es.onerror = () => {
        if (es?.readyState !== EventSource.CLOSED) return; // the browser is reconnecting
        es.close();
        failures++;
        // Perhaps the session ended: asking who is signed in closes the stream if so.
        void qc.invalidateQueries({ queryKey: meKey });
        retry = setTimeout(connect, Math.min(MAX_RETRY_MS, 1000 * 2 ** failures));
      };
      for (const type of STREAM_TYPES) {
        es.addEventListener(type, (ev: globalThis.MessageEvent<string>) => {
          if (ev.lastEventId) lastId = ev.lastEventId;
          let data: unknown;
          try {
            data = JSON.parse(ev.data);
          } catch {
            return;
          }
          const e = { type, data } as StreamEvent;
          applyStreamEvent(qc, e);
          handler.current(e);
        });
      }
    };
    connect();
    return () => {
      clearTimeout(retry);
      es?.close();
    };
  }, [userId, qc]);
}
