import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Conversation, ConversationPage, Message } from '../../api/contracts';
import { applyStreamEvent, otherPersonName } from './event-stream';
import { conversationKey, conversationsKey, messagesKey, unreadTotalKey } from './messages-queries';
import type { ThreadData } from './thread-cache';

const conv = (id: string, unreadCount = 0): Conversation => ({
  id,
  student: { id: 'student', name: 'Sam Student', photoUrl: null },
  instructor: { id: 'teacher', name: 'Tia Teacher', photoUrl: null },
  createdAt: '2026-11-25T10:00:00.000Z',
  lastMessageAt: null,
  unreadCount,
  blockedByMe: false,
  blockedByThem: false,
  contactDetails: { masked: true, explanation: 'Hidden until you book.' },
});
const message = (id: string, senderId: string, over: Partial<Message> = {}): Message => ({
  id,
  conversationId: 'c1',
  senderId,
  clientMessageId: null,
  body: `text of ${id}`,
  sentAt: '2026-11-25T12:00:00.000Z',
  readAt: null,
  masked: false,
  hidden: false,
  ...over,
});
const thread = (items: Message[]): ThreadData => ({
  pages: [{ items, nextCursor: null }],
  pageParams: [undefined],
});
const list = (items: Conversation[], unreadTotal: number): ConversationPage => ({
  items,
  total: items.length,
  page: 1,
  perPage: 20,
  unreadTotal,
});

describe('the event stream keeps the caches current', () => {
  it('puts a new message into its open thread once, however often it arrives', () => {
    const qc = new QueryClient();
    qc.setQueryData(messagesKey('c1'), thread([message('m1', 'student')]));
    const e = { type: 'message' as const, data: { conversationId: 'c1', message: message('m2', 'teacher') } };
    applyStreamEvent(qc, e);
    applyStreamEvent(qc, e); // a replay after a reconnect
    const items = qc.getQueryData<ThreadData>(messagesKey('c1'))!.pages[0]!.items;
    expect(items.map((m) => m.id)).toEqual(['m2', 'm1']);
  });

  it('marks my messages seen on a read receipt', () => {
    const qc = new QueryClient();
    qc.setQueryData(messagesKey('c1'), thread([message('m1', 'student')]));
    const readAt = '2026-11-25T12:30:00.000Z';
    applyStreamEvent(qc, { type: 'read', data: { conversationId: 'c1', readerId: 'teacher', readAt } });
    expect(qc.getQueryData<ThreadData>(messagesKey('c1'))!.pages[0]!.items[0]!.readAt).toBe(readAt);
  });

  it('replaces the text of a message a moderator hid, without adding one that is not loaded', () => {
    const qc = new QueryClient();
    qc.setQueryData(messagesKey('c1'), thread([message('m2', 'teacher'), message('m1', 'student')]));
    const hidden = message('m2', 'teacher', { body: null, hidden: true });
    applyStreamEvent(qc, { type: 'message_hidden', data: { conversationId: 'c1', message: hidden } });
    const notLoaded = message('m0', 'teacher', { body: null, hidden: true });
    applyStreamEvent(qc, { type: 'message_hidden', data: { conversationId: 'c1', message: notLoaded } });
    const items = qc.getQueryData<ThreadData>(messagesKey('c1'))!.pages[0]!.items;
    expect(items.map((m) => [m.id, m.body, m.hidden])).toEqual([
      ['m2', null, true],
      ['m1', 'text of m1', false],
    ]);
  });

  it('sets the badge total and the conversation’s own count everywhere it is shown', () => {
    const qc = new QueryClient();
    qc.setQueryData(unreadTotalKey, 0);
    qc.setQueryData(conversationKey('c1'), conv('c1'));
    qc.setQueryData([...conversationsKey, 1], list([conv('c1'), conv('c2', 4)], 4));
    applyStreamEvent(qc, { type: 'unread', data: { conversationId: 'c1', unreadCount: 2, unreadTotal: 6 } });
    expect(qc.getQueryData(unreadTotalKey)).toBe(6);
    expect(qc.getQueryData<Conversation>(conversationKey('c1'))!.unreadCount).toBe(2);
    const page = qc.getQueryData<ConversationPage>([...conversationsKey, 1])!;
    expect(page.unreadTotal).toBe(6);
    expect(page.items.map((c) => c.unreadCount)).toEqual([2, 4]);
  });

  it('names the other person from whichever cache holds the conversation', () => {
    const qc = new QueryClient();
    expect(otherPersonName(qc, 'c1', 'student')).toBeNull();
    qc.setQueryData([...conversationsKey, 1], list([conv('c1')], 0));
    expect(otherPersonName(qc, 'c1', 'student')).toBe('Tia Teacher');
    expect(otherPersonName(qc, 'c1', 'teacher')).toBe('Sam Student');
  });
});
