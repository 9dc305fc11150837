import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eventStream, eventsHeaders, eventsQuery } from '../../../contracts/events.js';
import type { EventHub } from './event-hub.js';
import { parseLastEventId } from './sse-format.js';

export const eventsRoutes =
  (hub: EventHub): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onReady', () => hub.start());
    // Before the server waits for open connections: a stream would hold it forever.
    app.addHook('preClose', () => hub.closeAll());
    app.addHook('onClose', () => hub.stop());

    app.get(
      '/events',
      {
        config: { permission: 'authenticated' },
        schema: {
          operationId: 'streamEvents',
          summary: 'Stream my events (new messages, read receipts, unread counts) as Server-Sent Events.',
          tags: ['events'],
          headers: eventsHeaders,
          querystring: eventsQuery,
          response: {
            200: {
              description: 'An endless event stream.',
              content: { 'text/event-stream': { schema: eventStream } },
            },
          },
        },
      },
      async (req, reply) => {
        const auth = req.auth!;
        const after = parseLastEventId(req.headers['last-event-id'] ?? req.query.lastEventId);
        // The stream is written by hand from here on; Fastify no longer answers this request.
        reply.hijack();
        try {
          await hub.open({ userId: auth.user.id, sessionId: auth.sessionId }, reply.raw, after);
        } catch (err) {
          req.log.warn({ err }, 'could not open an event stream');
          if (!reply.raw.headersSent) reply.raw.writeHead(503, { 'content-type': 'application/json' });
          reply.raw.end(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'Try again shortly.' } }));
        }
      },
    );
  };
