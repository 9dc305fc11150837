import { z } from 'zod';
import { idText, strictParams } from './primitives.js';

/** GET /events: the live stream of a person's events (messages, read receipts, unread counts). */
export const eventsQuery = strictParams({
  lastEventId: idText(16)
    .optional()
    .describe('Same as the Last-Event-ID header (which wins), for a client that cannot set headers.'),
});

export const eventsHeaders = z.looseObject({
  'last-event-id': z.string().optional().describe('The last event id received: replay what follows.'),
});

export const eventStream = z
  .string()
  .describe(
    'Server-Sent Events. Each event has an `id:` (per user, increasing), an `event:` (message, ' +
      'message_hidden, read, unread) and JSON `data:`; comment lines are heartbeats. Reconnect with Last-Event-ID to replay.',
  );
