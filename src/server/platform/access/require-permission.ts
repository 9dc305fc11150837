import type { AuthContext } from '../auth/auth-context.js';
import type { AppError } from '../http/errors.js';
import { forbidden } from '../http/errors.js';
import type { PermissionName } from './permissions.js';

/**
 * The one permission check: a route's declared permission (session-auth.ts), a service's check of
 * the caller's side (bookings), a public route's check of a signed-in caller (search history) all
 * come here, so every refusal reads the same.
 */
export function permissionRefusal(
  permissions: ReadonlySet<PermissionName>,
  anyOf: PermissionName | readonly PermissionName[],
): AppError | null {
  const needs: readonly PermissionName[] = typeof anyOf === 'string' ? [anyOf] : anyOf;
  if (needs.some((p) => permissions.has(p))) return null;
  return forbidden('FORBIDDEN', 'You do not have permission to do this.', { permission: needs.join(' or ') });
}

/** Throws 403 FORBIDDEN unless the caller holds one of the permissions. */
export function requirePermission(
  auth: AuthContext,
  anyOf: PermissionName | readonly PermissionName[],
): void {
  const refusal = permissionRefusal(auth.permissions, anyOf);
  if (refusal) throw refusal;
}
