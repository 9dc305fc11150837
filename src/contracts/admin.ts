// What the admin user-management routes take and answer.
import { z } from 'zod';
import { accountStatus, permissionName, roleName } from './accounts.js';
import { page, paginationQuery } from './pagination.js';
import { idText, strictParams, text } from './primitives.js';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const listUsersQuery = strictParams({
  q: text({ max: 100 }).optional(),
  role: roleName.optional(),
  status: accountStatus.optional(),
  ...paginationQuery,
});

export const userIdParams = strictParams({ id: idText() });

export const changeStatusBody = z.strictObject({
  status: accountStatus,
  reason: text({ max: 500, multiline: true, trim: false }).optional(),
});

/** A permission by name, on one account. */
export const userPermissionParams = strictParams({ id: idText(), name: idText() });

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

export const adminUser = z
  .object({
    id: z.string(),
    email: z.string(),
    fullName: z.string(),
    timezone: z.string(),
    accountStatus,
    /** ISO-8601 instant of the last status change; null when it never changed. */
    statusChangedAt: z.string().nullable(),
    /** Why an admin set the current status; null for self-service changes. */
    statusReason: z.string().nullable(),
    roles: z.array(roleName),
    /** ISO-8601 instant. */
    createdAt: z.string(),
  })
  .describe('An account as admins see it.');
export type AdminUser = z.infer<typeof adminUser>;

export const adminUserPage = page(adminUser).describe('A page of accounts.');
export type AdminUserPage = z.infer<typeof adminUserPage>;

export const adminUserDetail = adminUser
  .extend({
    /** Effective permissions: role grants plus per-user grants, minus per-user revokes. */
    permissions: z.array(permissionName),
  })
  .describe('An account as admins see it, with its effective permissions.');
export type AdminUserDetail = z.infer<typeof adminUserDetail>;

export const permissionScope = z.enum(['shared', 'student', 'instructor', 'admin']);
export type PermissionScope = z.infer<typeof permissionScope>;

export const permissionInfo = z
  .object({
    name: permissionName,
    /** The role group the permission belongs to; `shared` ones come with every role. */
    scope: permissionScope,
    description: z.string(),
  })
  .describe('A permission there is.');
export type PermissionInfo = z.infer<typeof permissionInfo>;

export const permissionList = z
  .object({ items: z.array(permissionInfo) })
  .describe('Every permission there is.');
export type PermissionList = z.infer<typeof permissionList>;
