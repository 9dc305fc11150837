import type { Message, MessagePage } from '../../api/contracts';

/** A thread's history as React Query keeps it: pages newest first, each page newest first. */
export interface ThreadData {
  pages: MessagePage[];
  pageParams: unknown[];
}

/** A message typed here that the server has not confirmed yet. */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
  sentAt: string;
  state: 'sending' | 'failed';
  error?: string;
}

/** What the thread shows, oldest first: the server's messages, then those still on their way. */
export type ThreadItem = { kind: 'sent'; message: Message } | { kind: 'pending'; pending: PendingMessage };

const sameMessage = (a: Message, b: Message) =>
  a.id === b.id || (a.clientMessageId !== null && a.clientMessageId === b.clientMessageId);

/**
 * Puts a message the server sent (an answer to a send, or a live event) into the history: it
 * replaces its earlier copy wherever that is, or goes first as the newest. Nothing to do when
 * the thread is not loaded: it will be read whole when it is.
 */
export function upsertMessage(data: ThreadData | undefined, m: Message): ThreadData | undefined {
  if (!data) return data;
  if (data.pages.some((p) => p.items.some((x) => sameMessage(x, m)))) {
    return {
      ...data,
      pages: data.pages.map((p) => ({ ...p, items: p.items.map((x) => (sameMessage(x, m) ? m : x)) })),
    };
  }
  const [first, ...older] = data.pages;
  if (!first) return data;
  return { ...data, pages: [{ ...first, items: [m, ...first.items] }, ...older] };
}

/**
 * A message that changed after it was sent (a moderator hid it): its copy in the thread is
 * replaced; a message not loaded stays out (it will be read as it now is when its page is).
 */
export function replaceMessage(data: ThreadData | undefined, m: Message): ThreadData | undefined {
  if (!data?.pages.some((p) => p.items.some((x) => x.id === m.id))) return data;
  return {
    ...data,
    pages: data.pages.map((p) => ({ ...p, items: p.items.map((x) => (x.id === m.id ? m : x)) })),
  };
}

/** A read receipt: what the reader had received by `readAt` now reads as seen. */
export function applyReadReceipt(
  data: ThreadData | undefined,
  readerId: string,
  readAt: string,
): ThreadData | undefined {
  if (!data) return data;
  const at = Date.parse(readAt);
  return {
    ...data,
    pages: data.pages.map((p) => ({
      ...p,
      items: p.items.map((m) =>
        m.senderId !== readerId && m.readAt === null && Date.parse(m.sentAt) <= at ? { ...m, readAt } : m,
      ),
    })),
  };
}

/**
 * The thread, oldest first and each message once: pages can overlap after messages arrive live,
 * and a message being sent drops out as soon as the server's copy (same clientMessageId) is in.
 */
export function threadItems(data: ThreadData | undefined, pending: PendingMessage[]): ThreadItem[] {
  const byId = new Map<string, Message>();
  for (const p of data?.pages ?? []) for (const m of p.items) if (!byId.has(m.id)) byId.set(m.id, m);
  const sent = [...byId.values()].sort(
    (a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || a.id.localeCompare(b.id),
  );
  const confirmed = new Set(sent.map((m) => m.clientMessageId).filter((id) => id !== null));
  return [
    ...sent.map((message) => ({ kind: 'sent' as const, message })),
    ...pending
      .filter((p) => !confirmed.has(p.clientMessageId))
      .map((p) => ({ kind: 'pending' as const, pending: p })),
  ];
}

/** The last of my messages the other person has read: where the "Seen" mark goes. */
export function lastSeenId(items: ThreadItem[], me: string): string | null {
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i]!;
    if (it.kind === 'sent' && it.message.senderId === me && it.message.readAt !== null) return it.message.id;
  }
  return null;
}
