import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contracts/errors.js';
import { noQuery } from '../../../contracts/primitives.js';
import { accountDeleted, deleteAccountBody, privacyExport } from '../../../contracts/privacy.js';
import type { PrivacyService } from './privacy.service.js';

export const privacyRoutes =
  (privacy: PrivacyService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['privacy'];

    app.get(
      '/privacy/export',
      {
        config: { permission: 'delete_own_account' },
        schema: {
          operationId: 'exportMyData',
          summary: 'Download everything the platform holds about me as one JSON file.',
          tags,
          querystring: noQuery,
          response: {
            200: {
              description: 'My data (an attachment).',
              content: { 'application/json': { schema: privacyExport } },
            },
            429: errorResponse,
          },
        },
      },
      async (req, reply) => {
        const data = await privacy.export(req.auth!);
        reply
          .header('content-disposition', 'attachment; filename="instainstru-my-data.json"')
          .header('cache-control', 'no-store');
        return data;
      },
    );

    app.post(
      '/privacy/delete',
      {
        config: { permission: 'delete_own_account' },
        schema: {
          operationId: 'deleteMyAccount',
          summary: 'Erase my account: personal data gone, upcoming lessons cancelled, signed out everywhere.',
          tags,
          querystring: noQuery,
          body: deleteAccountBody,
          // 403 WRONG_PASSWORD; 409 HAS_FUTURE_LESSONS: an instructor with lessons to teach.
          response: { 200: accountDeleted, 403: errorResponse, 409: errorResponse },
        },
      },
      async (req) => privacy.delete(req.auth!, req.body.password),
    );
  };
