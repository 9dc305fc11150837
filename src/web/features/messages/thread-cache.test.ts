import { describe, expect, it } from 'vitest';
import type { Message } from '../../api/contracts';
import {
  applyReadReceipt,
  lastSeenId,
  threadItems,
  upsertMessage,
  type PendingMessage,
  type ThreadData,
} from './thread-cache';

const ME = 'me';
const THEM = 'them';
let n = 0;
const msg = (over: Partial<Message> = {}): Message => {
  n++;
  return {
    id: `m${n}`,
    conversationId: 'c1',
    senderId: ME,
    clientMessageId: over.senderId === THEM ? null : `client-${n}`,
    body: `message ${n}`,
    sentAt: new Date(Date.UTC(2026, 10, 25, 12, 0, n)).toISOString(),
    readAt: null,
    masked: false,
    hidden: false,
    ...over,
  };
};
const data = (...pages: Message[][]): ThreadData => ({
  pages: pages.map((items, i) => ({ items, nextCursor: i < pages.length - 1 ? `m${i}` : null })),
  pageParams: pages.map((_, i) => (i === 0 ? undefined : `m${i - 1}`)),
});
const pending = (clientMessageId: string, state: PendingMessage['state'] = 'sending'): PendingMessage => ({
  clientMessageId,
  body: 'typed here',
  sentAt: new Date(Date.UTC(2026, 10, 25, 13)).toISOString(),
  state,
});
const ids = (items: ReturnType<typeof threadItems>) =>
  items.map((i) => (i.kind === 'sent' ? i.message.id : `pending:${i.pending.clientMessageId}`));

describe('a message the server sends into a loaded thread', () => {
  it('goes first on the newest page when it is new', () => {
    const older = msg();
    const fresh = msg({ senderId: THEM });
    const out = upsertMessage(data([older]), fresh)!;
    expect(out.pages[0]!.items.map((m) => m.id)).toEqual([fresh.id, older.id]);
    expect(out.pageParams).toEqual([undefined]);
  });

  it('replaces its earlier copy instead of appearing twice (event and send answer both arrive)', () => {
    const m = msg();
    const once = upsertMessage(data([m]), m)!;
    const twice = upsertMessage(once, { ...m, readAt: '2026-11-25T14:00:00.000Z' })!;
    expect(twice.pages[0]!.items).toHaveLength(1);
    expect(twice.pages[0]!.items[0]!.readAt).toBe('2026-11-25T14:00:00.000Z');
  });

  it('replaces a copy on an older page where it is', () => {
    const a = msg();
    const b = msg();
    const out = upsertMessage(data([b], [a]), { ...a, body: 'edited by moderation', hidden: true })!;
    expect(out.pages.map((p) => p.items.map((m) => m.id))).toEqual([[b.id], [a.id]]);
    expect(out.pages[1]!.items[0]!.hidden).toBe(true);
  });

  it('leaves a thread that is not loaded alone', () => {
    expect(upsertMessage(undefined, msg())).toBeUndefined();
  });
});

describe('a read receipt', () => {
  it('marks what the reader received up to then as seen, and nothing they sent or received later', () => {
    const mine = msg();
    const theirs = msg({ senderId: THEM });
    const later = msg({ sentAt: '2026-11-25T15:00:00.000Z' });
    const at = '2026-11-25T14:00:00.000Z';
    const out = applyReadReceipt(data([later, theirs, mine]), THEM, at)!;
    const byId = new Map(out.pages[0]!.items.map((m) => [m.id, m.readAt]));
    expect(byId.get(mine.id)).toBe(at);
    expect(byId.get(theirs.id)).toBeNull();
    expect(byId.get(later.id)).toBeNull();
  });

  it('keeps an earlier read time', () => {
    const first = '2026-11-25T13:00:00.000Z';
    const m = msg({ readAt: first });
    const out = applyReadReceipt(data([m]), THEM, '2026-11-25T14:00:00.000Z')!;
    expect(out.pages[0]!.items[0]!.readAt).toBe(first);
  });
});

describe('the thread as shown', () => {
  it('is oldest first across pages, each message once', () => {
    const a = msg();
    const b = msg({ senderId: THEM });
    const c = msg();
    // A live message pushed onto the newest page can also come back on the next page fetched.
    const items = threadItems(data([c, b], [b, a]), []);
    expect(ids(items)).toEqual([a.id, b.id, c.id]);
  });

  it('shows a message being sent after the history, until the server copy with its clientMessageId is in', () => {
    const a = msg();
    const p = pending('typed-1');
    expect(ids(threadItems(data([a]), [p]))).toEqual([a.id, 'pending:typed-1']);
    const confirmed = msg({ clientMessageId: 'typed-1' });
    expect(ids(threadItems(data([confirmed, a]), [p]))).toEqual([a.id, confirmed.id]);
  });

  it('keeps a failed send in view so it can be retried', () => {
    const items = threadItems(data([]), [pending('x', 'failed')]);
    expect(items).toEqual([{ kind: 'pending', pending: expect.objectContaining({ state: 'failed' }) }]);
  });

  it('puts the seen mark on my last message the other person read', () => {
    const read = msg({ readAt: '2026-11-25T13:00:00.000Z' });
    const alsoRead = msg({ readAt: '2026-11-25T13:00:00.000Z' });
    const unread = msg();
    const theirs = msg({ senderId: THEM, readAt: '2026-11-25T13:00:00.000Z' });
    expect(lastSeenId(threadItems(data([theirs, unread, alsoRead, read]), []), ME)).toBe(alsoRead.id);
    expect(lastSeenId(threadItems(data([unread]), []), ME)).toBeNull();
  });
});
