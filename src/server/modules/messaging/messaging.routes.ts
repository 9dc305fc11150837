import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contracts/errors.js';
import {
  conversation,
  conversationIdParams,
  conversationPage,
  listConversationsQuery,
  listMessagesQuery,
  message,
  messageIdParams,
  messagePage,
  messageReport,
  openConversationBody,
  postMessageBody,
  reasonBody,
} from '../../../contracts/messaging.js';
import { noQuery } from '../../../contracts/primitives.js';
import type { MessagingService } from './messaging.service.js';

// Any signed-in person may write: whom to (an instructor, a student of theirs) is the service's rule.
const permission = 'authenticated' as const;

export const messagingRoutes =
  (messaging: MessagingService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['messaging'];
    const params = conversationIdParams;
    // 404: no such conversation, or not one of the caller's.
    const one = { 200: conversation, 404: errorResponse };

    app.post(
      '/conversations',
      {
        config: { permission },
        schema: {
          operationId: 'openConversation',
          summary: 'Open my conversation with an instructor (or, as an instructor, with a student of mine).',
          tags,
          querystring: noQuery,
          body: openConversationBody,
          // 404: no such active instructor, or no lesson shared with that student.
          response: { 200: conversation, 201: conversation, 404: errorResponse, 422: errorResponse },
        },
      },
      async (req, reply) => {
        const r = await messaging.open(req.auth!, req.body);
        return reply.code(r.status).send(r.body);
      },
    );

    app.get(
      '/conversations',
      {
        config: { permission },
        schema: {
          operationId: 'listConversations',
          summary: 'List my conversations, most recent first, with unread counts.',
          tags,
          querystring: listConversationsQuery,
          response: { 200: conversationPage },
        },
      },
      async (req) => messaging.list(req.auth!, req.query.page, req.query.perPage),
    );

    app.get(
      '/conversations/:id',
      {
        config: { permission },
        schema: {
          operationId: 'getConversation',
          summary: 'Read one of my conversations.',
          tags,
          params,
          querystring: noQuery,
          response: one,
        },
      },
      async (req) => messaging.get(req.auth!, req.params.id),
    );

    app.get(
      '/conversations/:id/messages',
      {
        config: { permission },
        schema: {
          operationId: 'listMessages',
          summary: 'Read the messages of one of my conversations, newest first.',
          tags,
          params,
          querystring: listMessagesQuery,
          response: { 200: messagePage, 404: errorResponse },
        },
      },
      async (req) => messaging.history(req.auth!, req.params.id, req.query),
    );

    app.post(
      '/conversations/:id/messages',
      {
        config: { permission },
        schema: {
          operationId: 'sendMessage',
          summary: 'Send a message; a retry with the same clientMessageId returns the first one (200).',
          tags,
          params,
          querystring: noQuery,
          body: postMessageBody,
          // 403 BLOCKED: one of the two blocked the other. 409: the clientMessageId belongs elsewhere.
          response: { 200: message, 201: message, 404: errorResponse, 409: errorResponse },
        },
      },
      async (req, reply) => {
        const r = await messaging.post(req.auth!, req.params.id, req.body);
        return reply.code(r.status).send(r.body);
      },
    );

    app.post(
      '/conversations/:id/read',
      {
        config: { permission },
        schema: {
          operationId: 'markConversationRead',
          summary: 'Mark everything I received in a conversation as read.',
          tags,
          params,
          querystring: noQuery,
          response: one,
        },
      },
      async (req) => messaging.read(req.auth!, req.params.id),
    );

    app.post(
      '/conversations/:id/block',
      {
        config: { permission },
        schema: {
          operationId: 'blockConversation',
          summary: 'Block the other person: they can no longer message me, nor book me.',
          tags,
          params,
          querystring: noQuery,
          response: one,
        },
      },
      async (req) => messaging.block(req.auth!, req.params.id),
    );

    app.delete(
      '/conversations/:id/block',
      {
        config: { permission },
        schema: {
          operationId: 'unblockConversation',
          summary: 'Lift my block of the other person.',
          tags,
          params,
          querystring: noQuery,
          response: one,
        },
      },
      async (req) => messaging.unblock(req.auth!, req.params.id),
    );

    app.post(
      '/messages/:id/report',
      {
        config: { permission },
        schema: {
          operationId: 'reportMessage',
          summary: 'Report a message I received to the moderators.',
          tags,
          params: messageIdParams,
          querystring: noQuery,
          body: reasonBody,
          response: { 200: messageReport, 201: messageReport, 404: errorResponse, 422: errorResponse },
        },
      },
      async (req, reply) => {
        const r = await messaging.report(req.auth!, req.params.id, req.body.reason);
        return reply.code(r.status).send(r.body);
      },
    );
  };
