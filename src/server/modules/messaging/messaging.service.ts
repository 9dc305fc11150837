import type {
  OpenConversationInput,
  PostMessageInput,
  MessageEvent,
  ReadEvent,
  UnreadEvent,
} from '../../../contracts/messaging.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { recordAdminAction } from '../../platform/audit/admin-audit.repo.js';
import type { EventHub } from '../../platform/events/event-hub.js';
import { badRequest, conflict, forbidden, notFound, unprocessable } from '../../platform/http/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { isUuid } from '../../platform/ids.js';
import { PerUserLimit } from '../../platform/limits/per-user-limit.js';
import type { BookingsService } from '../bookings/bookings.service.js';
import { maskContactDetails } from './contact-masking.js';
import { newMessageEmail } from './message-email.js';
import { wantingEmail } from '../accounts/email-preferences.repo.js';
import { listUnsubscribeHeaders } from '../accounts/unsubscribe.js';
import { conversationView, cursorOf, messageView, moderatedView, seqOfCursor } from './message-view.js';
import type { ConversationRow, MessageRow } from './messaging.repo.js';
import * as repo from './messaging.repo.js';

/** Contact details show once a pair has a lesson in one of these states. */
const UNMASKING_STATUSES = ['confirmed', 'completed'] as const;
/** An instructor may start a conversation with a student of any lesson of theirs. */
const ANY_LESSON = ['confirmed', 'completed', 'cancelled', 'no_show'] as const;

/** Reply time (public profile): median over this window, shown once this many were answered. */
const REPLY_WINDOW_DAYS = 30;
const MIN_ANSWERED = 3;

const pairKey = (c: { studentId: string; instructorId: string }) => `${c.studentId}:${c.instructorId}`;
const otherOf = (c: ConversationRow, userId: string) =>
  c.studentId === userId ? c.instructorId : c.studentId;

export class MessagingService {
  private readonly sendLimit: PerUserLimit;

  constructor(
    private readonly deps: AppDeps,
    private readonly bookings: BookingsService,
    private readonly events: EventHub,
  ) {
    this.sendLimit = new PerUserLimit(
      { action: 'message-send', perMinute: deps.config.messagesPerUserPerMin },
      deps,
    );
    events.render('message', (userId, data) => this.renderMessageEvent(userId, data));
    events.render('message_hidden', (userId, data) => this.renderMessageEvent(userId, data));
    bookings.refuseBookingWhen((studentId, instructorId) => this.isBlocked(instructorId, studentId));
  }

  private now() {
    return this.deps.clock.now();
  }

  /** True when `blockerId` blocked `blockedId` (who then may not book them either). */
  isBlocked(blockerId: string, blockedId: string): Promise<boolean> {
    return repo.isBlocked(this.deps.db, blockerId, blockedId);
  }

  /** The conversation, when the caller is one of its two people; 404 for everyone else. */
  private async participantOf(auth: AuthContext, id: string): Promise<ConversationRow> {
    const c = isUuid(id) ? await repo.findConversation(this.deps.db, id) : undefined;
    if (!c || (c.studentId !== auth.user.id && c.instructorId !== auth.user.id))
      throw notFound('Conversation');
    return c;
  }

  private async maskedPairs(pairs: { studentId: string; instructorId: string }[]): Promise<Set<string>> {
    const unmasked = await this.bookings.pairsWithLessons(pairs, UNMASKING_STATUSES);
    return new Set(pairs.map(pairKey).filter((k) => !unmasked.has(k)));
  }

  private async view(c: ConversationRow, viewerId: string) {
    const [masked, blocks, counts] = await Promise.all([
      this.maskedPairs([c]),
      repo.blocksBetween(this.deps.db, viewerId, [otherOf(c, viewerId)]),
      repo.unreadCounts(this.deps.db, viewerId, c.id),
    ]);
    return conversationView(c, {
      viewerId,
      unreadCount: counts.unreadCount,
      mask: masked.has(pairKey(c)),
      blocks,
    });
  }

  /** The pair's one conversation: 201 when this call created it, 200 after. */
  async open(auth: AuthContext, input: OpenConversationInput) {
    const me = auth.user.id;
    let pair: { studentId: string; instructorId: string };
    if (input.instructorId !== undefined) {
      const id = input.instructorId;
      if (!isUuid(id) || !(await repo.isActiveInstructor(this.deps.db, id))) throw notFound('Instructor');
      if (id === me) throw unprocessable('SELF_CONVERSATION', 'You cannot message yourself.');
      pair = { studentId: me, instructorId: id };
    } else {
      const id = input.studentId!;
      if (!isUuid(id) || id === me) throw notFound('Student');
      pair = { studentId: id, instructorId: me };
      // Only with a student of one of the caller's lessons; anyone else reads as unknown.
      const shared = await this.bookings.pairsWithLessons([pair], ANY_LESSON);
      if (!shared.has(pairKey(pair))) throw notFound('Student');
    }
    const created = await this.deps.db.transaction((tx) =>
      repo.createConversation(tx, pair.studentId, pair.instructorId),
    );
    const c = (await repo.findConversationByPair(this.deps.db, pair.studentId, pair.instructorId))!;
    return { status: (created ? 201 : 200) as 200 | 201, body: await this.view(c, me) };
  }

  async list(auth: AuthContext, page: number, perPage: number) {
    const me = auth.user.id;
    const [rows, total, unreadTotal] = await Promise.all([
      repo.conversationsOf(this.deps.db, me, perPage, offsetOf(page, perPage)),
      repo.countConversationsOf(this.deps.db, me),
      repo.unreadTotalOf(this.deps.db, me),
    ]);
    const [masked, blocks] = await Promise.all([
      this.maskedPairs(rows),
      repo.blocksBetween(
        this.deps.db,
        me,
        rows.map((c) => otherOf(c, me)),
      ),
    ]);
    const items = rows.map((c) => {
      const other = otherOf(c, me);
      return conversationView(c, {
        viewerId: me,
        unreadCount: c.unread,
        mask: masked.has(pairKey(c)),
        blocks: blocks.filter((b) => b.blockerId === other || b.blockedId === other),
      });
    });
    return { items, total, page, perPage, unreadTotal };
  }

  async get(auth: AuthContext, id: string) {
    return this.view(await this.participantOf(auth, id), auth.user.id);
  }

  async history(auth: AuthContext, id: string, query: { before?: string; limit: number }) {
    const c = await this.participantOf(auth, id);
    const { rows, nextCursor } = await this.page(c.id, query);
    const mask = (await this.maskedPairs([c])).has(pairKey(c));
    return { items: rows.map((m) => messageView(m, auth.user.id, mask)), nextCursor };
  }

  private async page(conversationId: string, query: { before?: string; limit: number }) {
    const before = seqOfCursor(query.before);
    if (before === 'invalid') throw badRequest('INVALID_CURSOR', 'Use the nextCursor of a previous page.');
    const rows = await repo.messagesBefore(this.deps.db, conversationId, before, query.limit);
    const more = rows.length > query.limit;
    const pageRows = rows.slice(0, query.limit);
    return { rows: pageRows, nextCursor: more ? cursorOf(pageRows.at(-1)!.seq) : null };
  }

  /** Sends once per clientMessageId: 201 with the new message, 200 with the first copy on a retry. */
  async post(auth: AuthContext, id: string, input: PostMessageInput) {
    const me = auth.user.id;
    const c = await this.participantOf(auth, id);
    const existing = await repo.findMessageByClientId(this.deps.db, me, input.clientMessageId);
    if (existing) return this.retried(existing, c, me);
    const other = otherOf(c, me);
    const blocks = await repo.blocksBetween(this.deps.db, me, [other]);
    if (blocks.some((b) => b.blockedId === me)) {
      throw forbidden('BLOCKED', 'You cannot send messages in this conversation.');
    }
    if (blocks.length) throw forbidden('BLOCKED', 'You blocked this person; unblock them to write.');
    await this.sendLimit.consume(me);
    const sentAt = this.now();
    const message = await this.deps.db.transaction(async (tx) => {
      const m = await repo.insertMessage(tx, { conversationId: c.id, senderId: me, ...input, sentAt });
      if (!m) return undefined;
      const counts = await repo.unreadCounts(tx, other, c.id);
      const ref = { conversationId: c.id, messageId: m.id };
      const unread: UnreadEvent = { conversationId: c.id, ...counts };
      await this.events.append(tx, [
        { userId: me, type: 'message', data: ref },
        { userId: other, type: 'message', data: ref },
        { userId: other, type: 'unread', data: unread },
      ]);
      // One email per burst, only to someone with no stream open anywhere who wants these emails.
      if (
        !(await this.events.hasOpenStream(tx, other)) &&
        (await wantingEmail(tx, [other], 'newMessages')).has(other) &&
        (await repo.claimEmailSlot(tx, c.id, other, sentAt))
      ) {
        const mine = c.studentId === me;
        await this.deps.mailer.queue(
          tx,
          newMessageEmail({
            to: mine ? c.instructorEmail : c.studentEmail,
            recipientName: mine ? c.instructorName : c.studentName,
            senderName: mine ? c.studentName : c.instructorName,
            conversationId: c.id,
            publicUrl: this.deps.config.publicUrl,
            headers: listUnsubscribeHeaders(this.deps.mailer, other, 'newMessages'),
          }),
        );
      }
      return m;
    });
    this.deps.mailer.committed();
    if (!message) {
      // A concurrent retry with the same clientMessageId won the insert: answer with its message.
      const first = await repo.findMessageByClientId(this.deps.db, me, input.clientMessageId);
      if (!first) throw conflict('MESSAGE_IN_FLIGHT', 'Retry the message.');
      await this.sendLimit.refund(me);
      return this.retried(first, c, me);
    }
    return { status: 201 as const, body: messageView(message, me, false) };
  }

  private retried(m: MessageRow, c: ConversationRow, me: string) {
    if (m.conversationId !== c.id) {
      throw conflict('CLIENT_MESSAGE_ID_REUSED', 'This clientMessageId was used for another conversation.');
    }
    return { status: 200 as const, body: messageView(m, me, false) };
  }

  /** Marks everything received in the conversation read; the sender gets the receipt. */
  async read(auth: AuthContext, id: string) {
    const me = auth.user.id;
    const c = await this.participantOf(auth, id);
    const at = this.now();
    await this.deps.db.transaction(async (tx) => {
      const changed = await repo.markRead(tx, c.id, me, at);
      if (!changed) return;
      const receipt: ReadEvent = { conversationId: c.id, readerId: me, readAt: at.toISOString() };
      const unread: UnreadEvent = {
        conversationId: c.id,
        unreadCount: 0,
        unreadTotal: await repo.unreadTotalOf(tx, me),
      };
      await this.events.append(tx, [
        { userId: otherOf(c, me), type: 'read', data: receipt },
        { userId: me, type: 'unread', data: unread },
      ]);
    });
    return this.view(c, me);
  }

  async block(auth: AuthContext, id: string) {
    const c = await this.participantOf(auth, id);
    await repo.addBlock(this.deps.db, auth.user.id, otherOf(c, auth.user.id));
    return this.view(c, auth.user.id);
  }

  async unblock(auth: AuthContext, id: string) {
    const c = await this.participantOf(auth, id);
    await repo.removeBlock(this.deps.db, auth.user.id, otherOf(c, auth.user.id));
    return this.view(c, auth.user.id);
  }

  /** A participant reports a message they received: 201 the first time, 200 with that report after. */
  async report(auth: AuthContext, messageId: string, reason: string) {
    const m = isUuid(messageId) ? await repo.findMessage(this.deps.db, messageId) : undefined;
    if (!m) throw notFound('Message');
    await this.participantOf(auth, m.conversationId).catch(() => {
      throw notFound('Message');
    });
    if (m.senderId === auth.user.id)
      throw unprocessable('OWN_MESSAGE', 'You cannot report your own message.');
    const { report, created } = await repo.addReport(this.deps.db, m.id, auth.user.id, reason);
    return {
      status: (created ? 201 : 200) as 200 | 201,
      body: {
        id: report.id,
        messageId: report.messageId,
        reason: report.reason,
        createdAt: report.createdAt.toISOString(),
      },
    };
  }

  /** The instructor's median first-reply time in minutes over 30 days, once 3 were answered. */
  async replyTimeMinutes(instructorId: string): Promise<number | null> {
    const since = new Date(this.now().getTime() - REPLY_WINDOW_DAYS * 86_400_000);
    const r = await repo.firstReplies(this.deps.db, instructorId, since);
    if (r.answered < MIN_ANSWERED || r.medianSeconds === null) return null;
    return Math.round(Number(r.medianSeconds) / 60);
  }

  // ---- moderation (moderate_content, checked by the routes) ------------------------------------

  async reports(page: number, perPage: number) {
    const [rows, total] = await Promise.all([
      repo.reports(this.deps.db, perPage, offsetOf(page, perPage)),
      repo.countReports(this.deps.db),
    ]);
    const items = rows.map((r) => ({
      id: r.id,
      messageId: r.message.id,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      reporter: r.reporter,
      message: moderatedView(r.message),
    }));
    return { items, total, page, perPage };
  }

  private async anyConversation(id: string) {
    const c = isUuid(id) ? await repo.findConversation(this.deps.db, id) : undefined;
    if (!c) throw notFound('Conversation');
    return c;
  }

  /** Any conversation, unmasked, with both people's blocks (seen from neither side: viewer ''). */
  async moderatedConversation(id: string) {
    const c = await this.anyConversation(id);
    const blocks = await repo.blocksBetween(this.deps.db, c.studentId, [c.instructorId]);
    return conversationView(c, { viewerId: '', unreadCount: 0, mask: false, blocks });
  }

  async moderatedHistory(id: string, query: { before?: string; limit: number }) {
    const c = await this.anyConversation(id);
    const { rows, nextCursor } = await this.page(c.id, query);
    return { items: rows.map(moderatedView), nextCursor };
  }

  /** Hides a message; both people's open threads hear of it and replace its text. */
  async hide(auth: AuthContext, messageId: string, reason: string) {
    if (!isUuid(messageId)) throw notFound('Message');
    // The audit entry and both live events commit with the hiding (none of them without a message).
    const m = await this.deps.db.transaction(async (tx) => {
      const hidden = await repo.hideMessage(tx, messageId, auth.user.id, reason, this.now());
      if (!hidden) return undefined;
      await recordAdminAction(tx, {
        actorId: auth.user.id,
        action: 'message.hide',
        targetType: 'message',
        targetUserId: hidden.senderId,
        targetId: hidden.id,
        reason,
        details: { conversationId: hidden.conversationId },
      });
      const c = (await repo.findConversation(tx, hidden.conversationId))!;
      const ref = { conversationId: c.id, messageId: hidden.id };
      await this.events.append(tx, [
        { userId: c.studentId, type: 'message_hidden', data: ref },
        { userId: c.instructorId, type: 'message_hidden', data: ref },
      ]);
      return hidden;
    });
    if (!m) throw notFound('Message');
    return moderatedView(m);
  }

  /** A `message` event as its reader sees it at delivery: masked, or hidden, as of now. */
  private async renderMessageEvent(
    userId: string,
    data: Record<string, unknown>,
  ): Promise<MessageEvent | null> {
    const found = await repo.findMessageWithPair(this.deps.db, String(data.messageId));
    if (!found) return null;
    const { message: m, pair } = found;
    if (pair.studentId !== userId && pair.instructorId !== userId) return null;
    // Whether the pair has a lesson matters only for a received text with something to mask.
    const maskable = m.senderId !== userId && m.hiddenAt === null && maskContactDetails(m.body).masked;
    const mask = maskable && (await this.maskedPairs([pair])).has(pairKey(pair));
    return { conversationId: m.conversationId, message: messageView(m, userId, mask) };
  }
}
