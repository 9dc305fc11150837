import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  emailPreferences,
  unsubscribed,
  unsubscribeInfo,
  unsubscribeParams,
  updateEmailPreferencesBody,
} from '../../../contracts/accounts.js';
import { errorResponse } from '../../../contracts/errors.js';
import { noQuery } from '../../../contracts/primitives.js';
import type { EmailPreferencesService } from './email-preferences.service.js';

/** The signed-in person's email preferences, and the API side of an email's unsubscribe link. */
export const emailPreferencesRoutes =
  (prefs: EmailPreferencesService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    app.get(
      '/auth/me/email-preferences',
      {
        config: { permission: 'authenticated' },
        schema: {
          operationId: 'getEmailPreferences',
          summary: 'Which optional emails you get.',
          tags,
          querystring: noQuery,
          response: { 200: emailPreferences },
        },
      },
      async (req) => prefs.mine(req.auth!),
    );

    app.patch(
      '/auth/me/email-preferences',
      {
        config: { permission: 'manage_own_profile' },
        schema: {
          operationId: 'updateEmailPreferences',
          summary: 'Turn new-message or lesson-reminder emails on or off.',
          tags,
          querystring: noQuery,
          body: updateEmailPreferencesBody,
          response: { 200: emailPreferences },
        },
      },
      async (req) => prefs.update(req.auth!, req.body),
    );

    app.get(
      '/email/unsubscribe/:token',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'getUnsubscribeLink',
          summary: 'What an email’s unsubscribe link turns off; changes nothing.',
          tags,
          querystring: noQuery,
          params: unsubscribeParams,
          response: { 200: unsubscribeInfo },
        },
      },
      async (req) => prefs.linkInfo(req.params.token),
    );

    app.post(
      '/email/unsubscribe/:token',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'unsubscribe',
          summary: 'Turn off the emails an unsubscribe link names, without signing in.',
          tags,
          querystring: noQuery,
          params: unsubscribeParams,
          response: { 200: unsubscribed },
        },
      },
      async (req) => prefs.unsubscribe(req.params.token),
    );
  };

/**
 * RFC 8058 one-click: mail apps POST `List-Unsubscribe=One-Click` (a form body) to the link in
 * List-Unsubscribe. A GET of the same address is the web app's page with a button: it never
 * unsubscribes, since mail scanners follow links.
 */
export const oneClickUnsubscribeRoutes =
  (prefs: EmailPreferencesService): FastifyPluginAsyncZod =>
  async (app) => {
    // The body says nothing beyond "one click"; taken as text, only in this plugin.
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
      app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) =>
        done(null, body),
      );
    }
    app.post(
      '/unsubscribe/:token',
      {
        config: { permission: 'public' },
        schema: {
          hide: true,
          params: unsubscribeParams,
          response: { 200: unsubscribed, 400: errorResponse },
        },
      },
      async (req) => prefs.unsubscribe(req.params.token),
    );
  };
