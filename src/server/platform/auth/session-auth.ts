import { requirePermission } from '../access/require-permission.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserAccess } from '../access/user-access.js';
import type { AppDeps } from '../deps.js';
import { AppError, forbidden, unauthorized } from '../http/errors.js';
import { SESSION_COOKIE } from './auth-context.js';
import { findSessionByTokenHash } from './sessions.repo.js';
import { hashToken } from './tokens.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function presentedToken(req: FastifyRequest): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** A cookie travels with cross-site requests; a write authenticated by one must come from our own origin. */
function sameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  let origin = req.headers.origin;
  if (!origin && req.headers.referer) {
    try {
      origin = new URL(req.headers.referer).origin;
    } catch {
      return false;
    }
  }
  if (!origin) return false;
  const own = `${req.protocol}://${req.headers.host}`;
  return origin === own || origin === new URL(publicUrl).origin;
}

/**
 * Resolves the session on every request (so status changes and revocations apply at once)
 * and enforces the permission each route declares.
 */
export function installSessionAuth(app: FastifyInstance, deps: AppDeps, access: UserAccess): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authProblem', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (url.startsWith('/api/v1') && !route.config?.permission) {
      throw new Error(`route ${route.method} ${url} does not declare config.permission`);
    }
  });

  app.addHook('onRequest', async (req) => {
    const presented = presentedToken(req);
    if (presented) {
      const session = await findSessionByTokenHash(
        deps.db,
        hashToken(deps.config.sessionSecret, presented.token),
      );
      const now = deps.clock.now();
      if (!session || session.revokedAt || session.expiresAt <= now) {
        req.authProblem = 'SESSION_INVALID';
      } else if (session.user.accountStatus === 'deactivated') {
        req.authProblem = 'ACCOUNT_DEACTIVATED';
      } else {
        const { roles, permissions } = await access.of(session.user.id);
        req.auth = {
          user: session.user,
          sessionId: session.sessionId,
          via: presented.via,
          roles,
          permissions: new Set(permissions),
        };
      }
    }
    const need = req.routeOptions.config?.permission;
    const crossSiteCookieWrite =
      req.auth?.via === 'cookie' && !SAFE_METHODS.has(req.method) && !sameOrigin(req, deps.config.publicUrl);
    if (!need || need === 'public') {
      // A public write still must not act for the user another site's form rode in on: it runs as a guest.
      if (crossSiteCookieWrite) req.auth = null;
      return;
    }
    if (!req.auth) {
      if (req.authProblem === 'ACCOUNT_DEACTIVATED') {
        throw new AppError(401, 'ACCOUNT_DEACTIVATED', 'This account is deactivated.');
      }
      throw unauthorized(req.authProblem ? 'Your session has ended. Sign in again.' : undefined);
    }
    if (crossSiteCookieWrite) {
      throw forbidden('ORIGIN_MISMATCH', 'Cookie-authenticated writes must come from this site.');
    }
    if (need !== 'authenticated') requirePermission(req.auth, need);
  });
}
