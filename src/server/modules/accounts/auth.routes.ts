import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noQuery } from '../../../contracts/primitives.js';
import { SESSION_COOKIE } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import {
  changePasswordBody,
  loginBody,
  resetConfirmBody,
  resetRequestBody,
  resetTokenParams,
  signupBody,
  updateMeBody,
} from './accounts.schema.js';
import type { AuthService } from './auth.service.js';
import type { PasswordResetService } from './password-reset.service.js';

const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

export const authRoutes =
  (deps: AppDeps, auth: AuthService, resets: PasswordResetService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    const setCookie = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: deps.config.publicUrl.startsWith('https:'),
        maxAge: deps.config.sessionTtlDays * 86_400,
      });

    app.post(
      '/auth/signup',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery, body: signupBody } },
      async (req, reply) => {
        const result = await auth.signup(req.body, client(req));
        setCookie(reply, result.token);
        return reply.code(201).send(result);
      },
    );

    app.post(
      '/auth/login',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery, body: loginBody } },
      async (req, reply) => {
        const result = await auth.login(req.body, client(req));
        setCookie(reply, result.token);
        return result;
      },
    );

    app.post(
      '/auth/logout',
      { config: { permission: 'authenticated' }, schema: { tags, querystring: noQuery } },
      async (req, reply) => {
        await auth.logout(req.auth!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/me',
      { config: { permission: 'authenticated' }, schema: { tags, querystring: noQuery } },
      async (req) => auth.me(req.auth!),
    );

    // The web app asks this on every load: a guest is a normal answer here, not a 401.
    app.get(
      '/auth/session',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery } },
      async (req) => (req.auth ? auth.me(req.auth) : { user: null }),
    );

    app.patch(
      '/auth/me',
      {
        config: { permission: 'manage_own_profile' },
        schema: { tags, querystring: noQuery, body: updateMeBody },
      },
      async (req) => auth.updateMe(req.auth!, req.body),
    );

    app.post(
      '/auth/password',
      {
        config: { permission: 'change_own_password' },
        schema: { tags, querystring: noQuery, body: changePasswordBody },
      },
      async (req, reply) => {
        await auth.changePassword(req.auth!, req.body.currentPassword, req.body.newPassword);
        return reply.code(204).send();
      },
    );

    app.post(
      '/auth/password-reset/request',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery, body: resetRequestBody } },
      async (req, reply) => {
        await resets.request(req.body.email, req.ip);
        return reply
          .code(202)
          .send({ message: 'If an account exists for that email, a reset link is on its way.' });
      },
    );

    app.get(
      '/auth/password-reset/verify/:token',
      {
        config: { permission: 'public' },
        schema: { tags, querystring: noQuery, params: resetTokenParams },
      },
      async (req) => resets.verify(req.params.token),
    );

    app.post(
      '/auth/password-reset/confirm',
      { config: { permission: 'public' }, schema: { tags, querystring: noQuery, body: resetConfirmBody } },
      async (req, reply) => {
        await resets.confirm(req.body.token, req.body.password);
        return reply.code(204).send();
      },
    );
  };
