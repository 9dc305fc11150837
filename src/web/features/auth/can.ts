import type { Me, PermissionName } from '../../api/contracts';

/**
 * Whether the signed-in user holds a permission, as the server will judge it: an admin can revoke
 * one a role grants, so the role says nothing about what is allowed.
 */
export const can = (me: Me | null | undefined, permission: PermissionName) =>
  !!me?.permissions.includes(permission);
