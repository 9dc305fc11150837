import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contracts/errors.js';
import {
  conversation,
  conversationIdParams,
  listMessagesQuery,
  messageIdParams,
  moderatedMessage,
  moderatedMessagePage,
  moderationReportPage,
  reasonBody,
} from '../../../contracts/messaging.js';
import { noQuery } from '../../../contracts/primitives.js';
import { paginationQueryString } from '../../../contracts/pagination.js';
import type { MessagingService } from './messaging.service.js';

const permission = 'moderate_content' as const;

export const moderationRoutes =
  (messaging: MessagingService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['moderation'];

    app.get(
      '/admin/moderation/reports',
      {
        config: { permission },
        schema: {
          operationId: 'listMessageReports',
          summary: 'List reported messages, newest report first.',
          tags,
          querystring: paginationQueryString,
          response: { 200: moderationReportPage },
        },
      },
      async (req) => messaging.reports(req.query.page, req.query.perPage),
    );

    app.get(
      '/admin/moderation/conversations/:id',
      {
        config: { permission },
        schema: {
          operationId: 'getConversationForModeration',
          summary: 'Read any conversation, for moderation.',
          tags,
          params: conversationIdParams,
          querystring: noQuery,
          response: { 200: conversation, 404: errorResponse },
        },
      },
      async (req) => messaging.moderatedConversation(req.params.id),
    );

    app.get(
      '/admin/moderation/conversations/:id/messages',
      {
        config: { permission },
        schema: {
          operationId: 'listMessagesForModeration',
          summary: 'Read any conversation’s messages as written, newest first, for moderation.',
          tags,
          params: conversationIdParams,
          querystring: listMessagesQuery,
          response: { 200: moderatedMessagePage, 404: errorResponse },
        },
      },
      async (req) => messaging.moderatedHistory(req.params.id, req.query),
    );

    app.post(
      '/admin/moderation/messages/:id/hide',
      {
        config: { permission },
        schema: {
          operationId: 'hideMessage',
          summary: 'Hide a message from both people, with a recorded reason (the text is kept).',
          tags,
          params: messageIdParams,
          querystring: noQuery,
          body: reasonBody,
          response: { 200: moderatedMessage, 404: errorResponse },
        },
      },
      async (req) => messaging.hide(req.auth!, req.params.id, req.body.reason),
    );
  };
