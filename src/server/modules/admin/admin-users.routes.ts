import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idText, noQuery, strictParams, text } from '../../../contracts/primitives.js';
import { ALL_PERMISSIONS } from '../../platform/access/permissions.js';
import { paginationQuery } from '../../platform/http/pagination.js';
import type { AdminUsersService } from './admin-users.service.js';

const idParams = strictParams({ id: idText() });

export const adminUsersRoutes =
  (users: AdminUsersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];

    app.get(
      '/admin/users',
      {
        config: { permission: 'view_all_users' },
        schema: {
          tags,
          querystring: strictParams({
            q: text({ max: 100 }).optional(),
            role: z.enum(['student', 'instructor', 'admin']).optional(),
            status: z.enum(['active', 'suspended', 'deactivated']).optional(),
            ...paginationQuery,
          }),
        },
      },
      async (req) => users.list(req.query),
    );

    app.get(
      '/admin/users/:id',
      { config: { permission: 'view_all_users' }, schema: { tags, querystring: noQuery, params: idParams } },
      async (req) => users.get(req.params.id),
    );

    app.post(
      '/admin/users/:id/status',
      {
        config: { permission: 'manage_users' },
        schema: {
          tags,
          querystring: noQuery,
          params: idParams,
          body: z.strictObject({
            status: z.enum(['active', 'suspended', 'deactivated']),
            reason: text({ max: 500, multiline: true, trim: false }).optional(),
          }),
        },
      },
      async (req) => users.changeStatus(req.auth!, req.params.id, req.body.status, req.body.reason),
    );

    // Every permission there is, so an admin screen can offer the ones a user lacks.
    app.get(
      '/admin/permissions',
      { config: { permission: 'view_all_users' }, schema: { tags, querystring: noQuery } },
      async () => ({
        items: ALL_PERMISSIONS,
      }),
    );

    const permParams = strictParams({ id: idText(), name: idText() });
    app.post(
      '/admin/users/:id/permissions/:name',
      {
        config: { permission: 'manage_permissions' },
        schema: { tags, querystring: noQuery, params: permParams },
      },
      async (req) => users.setPermission(req.auth!, req.params.id, req.params.name, true),
    );
    app.delete(
      '/admin/users/:id/permissions/:name',
      {
        config: { permission: 'manage_permissions' },
        schema: { tags, querystring: noQuery, params: permParams },
      },
      async (req) => users.setPermission(req.auth!, req.params.id, req.params.name, false),
    );
  };
