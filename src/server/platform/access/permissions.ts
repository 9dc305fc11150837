/**
 * Role grants as data (PRODUCT §1), over the permissions of src/contracts/permissions.ts. Seeded
 * idempotently at start; routes name the permission they need, never a role.
 */
import { PERMISSIONS, type PermissionName } from '../../../contracts/permissions.js';

// Re-exported: the access layer and the routes name permissions by this type.
export type { PermissionName };

type Groups = typeof PERMISSIONS;
export type RoleName = 'student' | 'instructor' | 'admin';

const names = <G extends keyof Groups>(g: G) => Object.keys(PERMISSIONS[g]) as PermissionName[];

export const ALL_PERMISSIONS: { name: PermissionName; scope: keyof Groups; description: string }[] = (
  Object.keys(PERMISSIONS) as (keyof Groups)[]
).flatMap((scope) =>
  Object.entries(PERMISSIONS[scope]).map(([name, description]) => ({
    name: name as PermissionName,
    scope,
    description,
  })),
);

export const ROLES: Record<RoleName, { description: string; permissions: PermissionName[] }> = {
  student: { description: 'Finds and books lessons', permissions: [...names('shared'), ...names('student')] },
  instructor: {
    description: 'Teaches lessons',
    permissions: [...names('shared'), ...names('instructor')],
  },
  admin: { description: 'Runs the platform', permissions: ALL_PERMISSIONS.map((p) => p.name) },
};

export const isPermissionName = (s: string): s is PermissionName => ALL_PERMISSIONS.some((p) => p.name === s);
