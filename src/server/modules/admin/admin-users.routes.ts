import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminUser,
  adminUserDetail,
  adminUserPage,
  changeStatusBody,
  listUsersQuery,
  permissionList,
  userIdParams,
  userPermissionParams,
} from '../../../contracts/admin.js';
import { errorResponse } from '../../../contracts/errors.js';
import { noQuery } from '../../../contracts/primitives.js';
import { ALL_PERMISSIONS } from '../../platform/access/permissions.js';
import type { AdminUsersService } from './admin-users.service.js';

export const adminUsersRoutes =
  (users: AdminUsersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];

    app.get(
      '/admin/users',
      {
        config: { permission: 'view_all_users' },
        schema: {
          operationId: 'listUsers',
          summary: 'Find accounts by name or email, role and status.',
          tags,
          querystring: listUsersQuery,
          response: { 200: adminUserPage },
        },
      },
      async (req) => users.list(req.query),
    );

    app.get(
      '/admin/users/:id',
      {
        config: { permission: 'view_all_users' },
        schema: {
          operationId: 'getUser',
          summary: 'One account, with its effective permissions.',
          tags,
          querystring: noQuery,
          params: userIdParams,
          response: { 200: adminUserDetail, 404: errorResponse },
        },
      },
      async (req) => users.get(req.params.id),
    );

    app.post(
      '/admin/users/:id/status',
      {
        config: { permission: 'manage_users' },
        schema: {
          operationId: 'changeUserStatus',
          summary: 'Activate, suspend or deactivate an account.',
          tags,
          querystring: noQuery,
          params: userIdParams,
          body: changeStatusBody,
          // 422 SELF_LOCKOUT: admins cannot suspend or deactivate themselves here.
          response: { 200: adminUser, 404: errorResponse, 422: errorResponse },
        },
      },
      async (req) => users.changeStatus(req.auth!, req.params.id, req.body.status, req.body.reason),
    );

    // Every permission there is, so an admin screen can offer the ones a user lacks.
    app.get(
      '/admin/permissions',
      {
        config: { permission: 'view_all_users' },
        schema: {
          operationId: 'listPermissions',
          summary: 'Every permission there is.',
          tags,
          querystring: noQuery,
          response: { 200: permissionList },
        },
      },
      async () => ({
        items: ALL_PERMISSIONS,
      }),
    );

    app.post(
      '/admin/users/:id/permissions/:name',
      {
        config: { permission: 'manage_permissions' },
        schema: {
          operationId: 'grantUserPermission',
          summary: 'Grant one permission to one account.',
          tags,
          querystring: noQuery,
          params: userPermissionParams,
          // 404: no such user or permission.
          response: { 200: adminUserDetail, 404: errorResponse },
        },
      },
      async (req) => users.setPermission(req.auth!, req.params.id, req.params.name, true),
    );
    app.delete(
      '/admin/users/:id/permissions/:name',
      {
        config: { permission: 'manage_permissions' },
        schema: {
          operationId: 'revokeUserPermission',
          summary: 'Revoke one permission from one account, whatever its roles grant.',
          tags,
          querystring: noQuery,
          params: userPermissionParams,
          // 404: no such user or permission; 422 SELF_LOCKOUT: admins cannot revoke their own.
          response: { 200: adminUserDetail, 404: errorResponse, 422: errorResponse },
        },
      },
      async (req) => users.setPermission(req.auth!, req.params.id, req.params.name, false),
    );
  };
