import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  emailVerificationState,
  loginBody,
  meResponse,
  resetConfirmBody,
  resetRequestBody,
  resetRequested,
  resetTokenInfo,
  resetTokenParams,
  sessionResponse,
  signedIn,
  signupBody,
  updateMeBody,
  verifyEmailBody,
} from '../../../contracts/accounts.js';
import { errorResponse } from '../../../contracts/errors.js';
import { noContent } from '../../../contracts/http.js';
import { noQuery } from '../../../contracts/primitives.js';
import { SESSION_COOKIE } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { AuthService } from './auth.service.js';
import type { EmailVerificationService } from './email-verification.service.js';
import type { PasswordResetService } from './password-reset.service.js';

const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] });

export const authRoutes =
  (
    deps: AppDeps,
    auth: AuthService,
    resets: PasswordResetService,
    verification: EmailVerificationService,
  ): FastifyPluginAsyncZod =>
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
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'signUp',
          summary: 'Create an account and sign in.',
          tags,
          querystring: noQuery,
          body: signupBody,
          response: { 201: signedIn, 409: errorResponse },
        },
      },
      async (req, reply) => {
        const result = await auth.signup(req.body, client(req));
        setCookie(reply, result.token);
        return reply.code(201).send(result);
      },
    );

    app.post(
      '/auth/login',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'logIn',
          summary: 'Sign in with email and password.',
          tags,
          querystring: noQuery,
          body: loginBody,
          // 401: wrong email or password; 403: the account is deactivated.
          response: { 200: signedIn, 401: errorResponse, 403: errorResponse },
        },
      },
      async (req, reply) => {
        const result = await auth.login(req.body, client(req));
        setCookie(reply, result.token);
        return result;
      },
    );

    app.post(
      '/auth/logout',
      {
        config: { permission: 'authenticated' },
        schema: {
          operationId: 'logOut',
          summary: 'End the current session.',
          tags,
          querystring: noQuery,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await auth.logout(req.auth!);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        config: { permission: 'authenticated' },
        schema: {
          operationId: 'getMe',
          summary: 'The signed-in user.',
          tags,
          querystring: noQuery,
          response: { 200: meResponse },
        },
      },
      async (req) => auth.me(req.auth!),
    );

    // The web app asks this on every load: a guest is a normal answer here, not a 401.
    app.get(
      '/auth/session',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'getSession',
          summary: 'The signed-in user, or null for a guest.',
          tags,
          querystring: noQuery,
          response: { 200: sessionResponse },
        },
      },
      async (req) => (req.auth ? auth.me(req.auth) : { user: null }),
    );

    app.patch(
      '/auth/me',
      {
        config: { permission: 'manage_own_profile' },
        schema: {
          operationId: 'updateMe',
          summary: 'Change your name or time zone.',
          tags,
          querystring: noQuery,
          body: updateMeBody,
          response: { 200: meResponse },
        },
      },
      async (req) => auth.updateMe(req.auth!, req.body),
    );

    app.post(
      '/auth/password',
      {
        config: { permission: 'change_own_password' },
        schema: {
          operationId: 'changePassword',
          summary: 'Change your password; your other sessions end.',
          tags,
          querystring: noQuery,
          body: changePasswordBody,
          // 422: the current password is wrong.
          response: { 204: noContent, 422: errorResponse },
        },
      },
      async (req, reply) => {
        await auth.changePassword(req.auth!, req.body.currentPassword, req.body.newPassword);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/password-reset/request',
      {
        config: { permission: 'public' },
        schema: {
          operationId: 'requestPasswordReset',
          summary: 'Email a password reset link, if the account exists.',
          tags,
          querystring: noQuery,
          body: resetRequestBody,
          response: { 202: resetRequested },
        },
      },
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
        // An invalid, used or expired token is a 400 INVALID_RESET_TOKEN.
        schema: {
          operationId: 'verifyPasswordResetToken',
          summary: 'Check a password reset link before asking for a new password.',
          tags,
          querystring: noQuery,
          params: resetTokenParams,
          response: { 200: resetTokenInfo },
        },
      },
      async (req) => resets.verify(req.params.token),
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config: { permission: 'public' },
        // An invalid, used or expired token is a 400 INVALID_RESET_TOKEN.
        schema: {
          operationId: 'confirmPasswordReset',
          summary: 'Set a new password with a reset link; every session of the account ends.',
          tags,
          querystring: noQuery,
          body: resetConfirmBody,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await resets.confirm(req.body.token, req.body.password);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/verify-email',
      {
        config: { permission: 'public' },
        // An invalid, used or expired token is a 400 INVALID_VERIFICATION_TOKEN.
        schema: {
          operationId: 'verifyEmail',
          summary: 'Verify your email address with the emailed link.',
          tags,
          querystring: noQuery,
          body: verifyEmailBody,
          response: { 204: noContent },
        },
      },
      async (req, reply) => {
        await verification.verify(req.body.token);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/auth/verify-email/resend',
      {
        config: { permission: 'authenticated' },
        schema: {
          operationId: 'resendVerificationEmail',
          summary: 'Email a new verification link; nothing is sent when already verified.',
          tags,
          querystring: noQuery,
          response: { 200: emailVerificationState },
        },
      },
      async (req) => verification.resend(req.auth!),
    );
  };
