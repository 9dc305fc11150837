import type { AuthContext } from '../auth/auth-context.js';
import { notFound } from '../http/errors.js';
import type { PermissionName } from './permissions.js';

/**
 * Object-level access: which side of an object the caller is on. Someone who is neither an
 * owner nor holds the admin permission gets 404, exactly like a missing id, so ids cannot be probed.
 */
export function sideOf<S extends string>(
  auth: AuthContext,
  owners: Partial<Record<S, string>>,
  adminPermission: PermissionName,
  what: string,
): S | 'admin' {
  for (const [side, ownerId] of Object.entries(owners) as [S, string | undefined][]) {
    if (ownerId && ownerId === auth.user.id) return side;
  }
  if (auth.permissions.has(adminPermission)) return 'admin';
  throw notFound(what);
}
