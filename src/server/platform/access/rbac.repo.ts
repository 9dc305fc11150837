import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import {
  dataVersions,
  permissions,
  rolePermissions,
  roles,
  userPermissions,
  userRoles,
} from '../../db/schema/index.js';
import type { PermissionName, RoleName } from './permissions.js';
import { ALL_PERMISSIONS, ROLES } from './permissions.js';

/**
 * Brings roles, permissions and role grants in line with the code's data; safe to run on every
 * start, and skipped when the data has not changed since the last run.
 */
export async function seedRbac(db: Db): Promise<void> {
  const hash = createHash('sha256').update(JSON.stringify({ ALL_PERMISSIONS, ROLES })).digest('hex');
  const [current] = await db.select().from(dataVersions).where(eq(dataVersions.name, 'rbac'));
  if (current?.hash === hash) return;
  await db.transaction(async (tx) => {
    await tx
      .insert(permissions)
      .values(ALL_PERMISSIONS)
      .onConflictDoUpdate({
        target: permissions.name,
        set: { scope: sql`excluded.scope`, description: sql`excluded.description` },
      });
    const roleRows = Object.entries(ROLES).map(([name, r]) => ({ name, description: r.description }));
    await tx
      .insert(roles)
      .values(roleRows)
      .onConflictDoUpdate({ target: roles.name, set: { description: sql`excluded.description` } });
    const permIds = new Map((await tx.select().from(permissions)).map((p) => [p.name, p.id]));
    const roleIds = new Map((await tx.select().from(roles)).map((r) => [r.name, r.id]));
    const grants = Object.entries(ROLES).flatMap(([role, r]) =>
      r.permissions.map((p) => ({ roleId: roleIds.get(role)!, permissionId: permIds.get(p)! })),
    );
    await tx.delete(rolePermissions);
    await tx.insert(rolePermissions).values(grants);
    await tx
      .insert(dataVersions)
      .values({ name: 'rbac', hash })
      .onConflictDoUpdate({ target: dataVersions.name, set: { hash, loadedAt: sql`now()` } });
  });
}

export async function effectivePermissions(db: Db, userId: string): Promise<PermissionName[]> {
  // Role grants, plus per-user grants, minus per-user revokes (a revoke wins).
  const rows = await rowsOf<{ name: PermissionName }>(
    db,
    sql`
      SELECT p.name FROM permissions p
      WHERE (
        EXISTS (SELECT 1 FROM user_roles ur JOIN role_permissions rp ON rp.role_id = ur.role_id
                WHERE ur.user_id = ${userId} AND rp.permission_id = p.id)
        OR EXISTS (SELECT 1 FROM user_permissions up
                   WHERE up.user_id = ${userId} AND up.permission_id = p.id AND up.granted)
      )
      AND NOT EXISTS (SELECT 1 FROM user_permissions up
                      WHERE up.user_id = ${userId} AND up.permission_id = p.id AND NOT up.granted)
      ORDER BY p.name`,
  );
  return rows.map((r) => r.name);
}

export async function rolesOfUser(db: Db, userId: string): Promise<RoleName[]> {
  const rows = await db
    .select({ name: roles.name })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, userId))
    .orderBy(roles.name);
  return rows.map((r) => r.name as RoleName);
}

export async function addRoles(db: Db, userId: string, names: RoleName[]): Promise<void> {
  const ids = await db.select({ id: roles.id }).from(roles).where(inArray(roles.name, names));
  if (!ids.length) return;
  await db
    .insert(userRoles)
    .values(ids.map((r) => ({ userId, roleId: r.id })))
    .onConflictDoNothing();
}

export async function setUserPermission(
  db: Db,
  userId: string,
  name: PermissionName,
  granted: boolean,
): Promise<void> {
  const [perm] = await db.select({ id: permissions.id }).from(permissions).where(eq(permissions.name, name));
  if (!perm) throw new Error(`permission ${name} is not seeded`);
  await db
    .insert(userPermissions)
    .values({ userId, permissionId: perm.id, granted })
    .onConflictDoUpdate({ target: [userPermissions.userId, userPermissions.permissionId], set: { granted } });
}

export async function clearUserPermission(db: Db, userId: string, name: PermissionName): Promise<void> {
  const [perm] = await db.select({ id: permissions.id }).from(permissions).where(eq(permissions.name, name));
  if (!perm) return;
  await db
    .delete(userPermissions)
    .where(and(eq(userPermissions.userId, userId), eq(userPermissions.permissionId, perm.id)));
}
