import type { Me, PermissionName } from '../../api/contracts';
import { can } from './can';

/** What a group of pages needs: the instructor role (teaching pages) or a permission (admin pages). */
export type RouteNeed = { role: 'instructor'; otherwise: string } | { permission: PermissionName };

export type RouteAccess =
  { allow: true } | { allow: false; redirect: string } | { allow: false; redirect: null };

/**
 * Decided before the page mounts, so a page never fires a request its viewer will be refused:
 * someone who is not yet an instructor is led to become one, anyone lacking an admin permission
 * sees a not-allowed page.
 */
export function routeAccess(me: Me, need: RouteNeed): RouteAccess {
  if ('role' in need)
    return me.roles.includes(need.role) ? { allow: true } : { allow: false, redirect: need.otherwise };
  return can(me, need.permission) ? { allow: true } : { allow: false, redirect: null };
}
