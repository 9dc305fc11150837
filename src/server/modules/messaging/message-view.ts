import type { Conversation, Message, ModeratedMessage } from '../../../contracts/messaging.js';
import { photoUrlOf } from '../../../contracts/photo-limits.js';
import { MASKING_EXPLANATION, maskContactDetails } from './contact-masking.js';
import type { ConversationRow, MessageRow } from './messaging.repo.js';

/** How a reader sees a message: their own as written; a received one masked while `mask` holds. */
export function messageView(m: MessageRow, viewerId: string, mask: boolean): Message {
  const own = m.senderId === viewerId;
  const hidden = m.hiddenAt !== null;
  let body: string | null = hidden ? null : m.body;
  let masked = false;
  if (body !== null && mask && !own) {
    const r = maskContactDetails(body);
    body = r.text;
    masked = r.masked;
  }
  return {
    id: m.id,
    conversationId: m.conversationId,
    senderId: m.senderId,
    clientMessageId: own ? m.clientMessageId : null,
    body,
    sentAt: m.sentAt.toISOString(),
    readAt: m.readAt?.toISOString() ?? null,
    masked,
    hidden,
  };
}

/** What a moderator sees: everything, including the original text of a hidden message. */
export function moderatedView(m: MessageRow): ModeratedMessage {
  return {
    ...messageView({ ...m, hiddenAt: null }, m.senderId, false),
    clientMessageId: null,
    body: m.hiddenAt ? null : m.body,
    hidden: m.hiddenAt !== null,
    originalBody: m.body,
    hiddenAt: m.hiddenAt?.toISOString() ?? null,
    hiddenReason: m.hiddenReason,
  };
}

const photoUrlOrNull = (key: string | null) => (key ? photoUrlOf(key) : null);

export function conversationView(
  c: ConversationRow,
  o: {
    viewerId: string;
    unreadCount: number;
    mask: boolean;
    blocks: { blockerId: string; blockedId: string }[];
  },
): Conversation {
  return {
    id: c.id,
    student: { id: c.studentId, name: c.studentName, photoUrl: photoUrlOrNull(c.studentPhotoKey) },
    instructor: {
      id: c.instructorId,
      name: c.instructorName,
      photoUrl: photoUrlOrNull(c.instructorPhotoKey),
    },
    createdAt: c.createdAt.toISOString(),
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    unreadCount: o.unreadCount,
    blockedByMe: o.blocks.some((b) => b.blockerId === o.viewerId),
    blockedByThem: o.blocks.some((b) => b.blockedId === o.viewerId),
    contactDetails: { masked: o.mask, explanation: o.mask ? MASKING_EXPLANATION : null },
  };
}

/** History cursors are opaque to clients: the sequence number of the last message they got. */
export const cursorOf = (seq: number): string => `m${seq}`;
export function seqOfCursor(cursor: string | undefined): number | null | 'invalid' {
  if (cursor === undefined) return null;
  const m = /^m(\d{1,15})$/.exec(cursor);
  return m ? Number(m[1]) : 'invalid';
}
