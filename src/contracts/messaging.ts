// Messaging between a student and an instructor (PRODUCT §8): what the routes take and answer,
// and the events GET /events streams. Shared by the server and the web app.
import { z } from 'zod';
import { MAX_MESSAGE_CHARS, MESSAGES_PAGE_MAX } from './message-limits.js';
import { idText, queryInt, strictParams, text } from './primitives.js';

export { MAX_MESSAGE_CHARS, MESSAGES_PAGE_MAX };

const isoInstant = z.string().describe('ISO-8601 instant (UTC).');

// ---- requests -------------------------------------------------------------------------------

export const openConversationBody = z
  .strictObject({
    instructorId: idText().optional().describe('A student opening the conversation with an instructor.'),
    studentId: idText()
      .optional()
      .describe('An instructor opening it with a student they share a lesson with.'),
  })
  .refine((b) => (b.instructorId === undefined) !== (b.studentId === undefined), {
    message: 'Send instructorId or studentId, not both.',
  });
export type OpenConversationInput = z.infer<typeof openConversationBody>;

export const conversationIdParams = strictParams({ id: idText() });
export const messageIdParams = strictParams({ id: idText() });

export const listConversationsQuery = strictParams({
  page: queryInt({ min: 1, max: 100_000, message: 'Use a page number from 1 to 100000.' }).default(1),
  perPage: queryInt({ min: 1, message: 'Use a whole number of at least 1 (more than 100 reads as 100).' })
    .default(20)
    .transform((n) => Math.min(n, 100)),
});

export const listMessagesQuery = strictParams({
  before: idText(32).optional().describe('The nextCursor of the previous page: older messages than it.'),
  limit: queryInt({
    min: 1,
    message: `Use a whole number of at least 1 (more reads as ${MESSAGES_PAGE_MAX}).`,
  })
    .default(30)
    .transform((n) => Math.min(n, MESSAGES_PAGE_MAX)),
});

export const postMessageBody = z.strictObject({
  body: text({ min: 1, max: MAX_MESSAGE_CHARS, multiline: true, minMessage: 'Write a message.' }),
  clientMessageId: text({ min: 1, max: 100, trim: false }).describe(
    'Made by the client once per message (a UUID); a retry with the same id returns the first copy.',
  ),
});
export type PostMessageInput = z.infer<typeof postMessageBody>;

export const reasonBody = z.strictObject({
  reason: text({ min: 1, max: 500, multiline: true, minMessage: 'Give a reason.' }),
});

// ---- answers --------------------------------------------------------------------------------

export const conversationPerson = z.object({ id: z.string(), name: z.string() });

/** One of the conversation's two people, with the photo its list and header show. */
export const conversationMember = conversationPerson.extend({
  photoUrl: z
    .string()
    .nullable()
    .describe('Their profile photo (people who teach); null: draw a placeholder.'),
});

export const contactDetailsPolicy = z
  .object({
    masked: z.boolean().describe('Emails, phone numbers and links you receive are hidden.'),
    explanation: z.string().nullable(),
  })
  .describe('Contact details stay hidden until the two share a confirmed or completed lesson.');

export const conversation = z
  .object({
    id: z.string(),
    student: conversationMember,
    instructor: conversationMember,
    createdAt: isoInstant,
    lastMessageAt: isoInstant.nullable(),
    unreadCount: z.int().min(0).describe('Messages to the caller not read yet.'),
    blockedByMe: z.boolean(),
    blockedByThem: z.boolean(),
    contactDetails: contactDetailsPolicy,
  })
  .describe('The one conversation of a student–instructor pair, as one of them sees it.');
export type Conversation = z.infer<typeof conversation>;

export const conversationPage = z
  .object({
    items: z.array(conversation),
    total: z.int().min(0),
    page: z.int().min(1),
    perPage: z.int().min(1),
    unreadTotal: z.int().min(0).describe('Unread messages over all the caller’s conversations.'),
  })
  .describe('The caller’s conversations, most recent first.');
export type ConversationPage = z.infer<typeof conversationPage>;

export const message = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    senderId: z.string(),
    clientMessageId: z.string().nullable().describe('Only on the sender’s own messages.'),
    body: z.string().nullable().describe('Null when a moderator hid the message.'),
    sentAt: isoInstant,
    readAt: isoInstant.nullable().describe('When the recipient read it.'),
    masked: z.boolean().describe('Contact details in the body were hidden for the reader.'),
    hidden: z.boolean(),
  })
  .describe('One message, as the caller may see it.');
export type Message = z.infer<typeof message>;

export const moderatedMessage = message
  .extend({
    originalBody: z.string().describe('What was sent, unmasked.'),
    hiddenAt: isoInstant.nullable(),
    hiddenReason: z.string().nullable(),
  })
  .describe('A message as a moderator sees it.');
export type ModeratedMessage = z.infer<typeof moderatedMessage>;

export const messagePage = z
  .object({
    items: z.array(message),
    nextCursor: z.string().nullable().describe('Pass as `before` for older messages; null at the start.'),
  })
  .describe('Messages, newest first.');
export type MessagePage = z.infer<typeof messagePage>;

export const moderatedMessagePage = z.object({
  items: z.array(moderatedMessage),
  nextCursor: z.string().nullable(),
});

export const messageReport = z
  .object({ id: z.string(), messageId: z.string(), reason: z.string(), createdAt: isoInstant })
  .describe('A report, on the moderation list.');

export const moderationReport = messageReport
  .extend({ reporter: conversationPerson, message: moderatedMessage })
  .describe('A reported message, with who reported it.');

export const moderationReportPage = z.object({
  items: z.array(moderationReport),
  total: z.int().min(0),
  page: z.int().min(1),
  perPage: z.int().min(1),
});

// ---- events (GET /events, text/event-stream) ------------------------------------------------

export const EVENT_TYPES = ['message', 'message_hidden', 'read', 'unread'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const messageEvent = z.object({ conversationId: z.string(), message });
/** A moderator hid a message: the same shape, the message as it now reads (body null, hidden). */
export const messageHiddenEvent = messageEvent;
export const readEvent = z.object({
  conversationId: z.string(),
  readerId: z.string(),
  readAt: isoInstant,
});
export const unreadEvent = z.object({
  conversationId: z.string(),
  unreadCount: z.int().min(0),
  unreadTotal: z.int().min(0),
});
export type MessageEvent = z.infer<typeof messageEvent>;
export type MessageHiddenEvent = z.infer<typeof messageHiddenEvent>;
export type ReadEvent = z.infer<typeof readEvent>;
export type UnreadEvent = z.infer<typeof unreadEvent>;
