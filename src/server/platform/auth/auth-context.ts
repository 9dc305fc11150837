import type { PermissionName, RoleName } from '../access/permissions.js';

export interface AuthUser {
  id: string;
  email: string;
  fullName: string;
  timezone: string;
  accountStatus: 'active' | 'suspended' | 'deactivated';
}

export interface AuthContext {
  user: AuthUser;
  sessionId: string;
  via: 'cookie' | 'bearer';
  roles: RoleName[];
  permissions: ReadonlySet<PermissionName>;
}

/** A permission, or a list of which any one will do (the service then checks the caller's side). */
export type RouteAccess = PermissionName | readonly PermissionName[] | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Why a presented token was not accepted (expired, revoked, deactivated). */
    authProblem: string | null;
  }
  interface FastifyContextConfig {
    /** Every /api/v1 route declares what it needs; the guard refuses to start otherwise. */
    permission?: RouteAccess;
  }
}

export const SESSION_COOKIE = 'ii_session';
