import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { userIdParams } from '../../../contracts/admin.js';
import { errorResponse } from '../../../contracts/errors.js';
import { noQuery } from '../../../contracts/primitives.js';
import {
  accountDeleted,
  adminDeleteAccountBody,
  deleteAccountBody,
  privacyExport,
} from '../../../contracts/privacy.js';
import type { PrivacyService } from './privacy.service.js';

const exportResponse = {
  description: 'The data (an attachment).',
  content: { 'application/json': { schema: privacyExport } },
};

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
          response: { 200: exportResponse, 429: errorResponse },
        },
      },
      async (req, reply) => {
        const stream = await privacy.export(req.auth!);
        return (
          reply
            .type('application/json; charset=utf-8')
            .header('content-disposition', 'attachment; filename="instainstru-my-data.json"')
            .header('cache-control', 'no-store')
            // The contract's JSON, written section by section (privacyExport checks it in the tests).
            .send(stream as never)
        );
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
          // 404: the account was erased while this session was still being honoured.
          response: { 200: accountDeleted, 403: errorResponse, 404: errorResponse, 409: errorResponse },
        },
      },
      async (req) => privacy.delete(req.auth!, req.body.password),
    );

    app.get(
      '/admin/privacy/users/:id/export',
      {
        config: { permission: 'manage_users' },
        schema: {
          operationId: 'exportUserData',
          summary: 'Download everything the platform holds about one account (recorded in the audit log).',
          tags: [...tags, 'admin'],
          params: userIdParams,
          querystring: noQuery,
          response: { 200: exportResponse, 404: errorResponse },
        },
      },
      async (req, reply) => {
        const stream = await privacy.adminExport(req.auth!, req.params.id);
        return (
          reply
            .type('application/json; charset=utf-8')
            .header('content-disposition', `attachment; filename="instainstru-user-${req.params.id}.json"`)
            .header('cache-control', 'no-store')
            // The contract's JSON, written section by section (privacyExport checks it in the tests).
            .send(stream as never)
        );
      },
    );

    app.post(
      '/admin/privacy/users/:id/delete',
      {
        config: { permission: 'manage_users' },
        schema: {
          operationId: 'deleteUserAccount',
          summary: 'Erase one account, with a reason (recorded in the audit log).',
          tags: [...tags, 'admin'],
          params: userIdParams,
          querystring: noQuery,
          body: adminDeleteAccountBody,
          // 409 HAS_FUTURE_LESSONS unless force; 422 SELF_LOCKOUT for the admin's own account.
          response: { 200: accountDeleted, 404: errorResponse, 409: errorResponse, 422: errorResponse },
        },
      },
      async (req) => privacy.adminDelete(req.auth!, req.params.id, req.body),
    );
  };
