import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_PERMISSIONS } from '../../platform/access/permissions.js';
import { paginationQuery } from '../../platform/http/pagination.js';
import type { AdminUsersService } from './admin-users.service.js';

const idParams = z.object({ id: z.string().max(64) });

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
          querystring: z.object({
            q: z.string().trim().max(100).optional(),
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
      { config: { permission: 'view_all_users' }, schema: { tags, params: idParams } },
      async (req) => users.get(req.params.id),
    );

    app.post(
      '/admin/users/:id/status',
      {
        config: { permission: 'manage_users' },
        schema: {
          tags,
          params: idParams,
          body: z.strictObject({
            status: z.enum(['active', 'suspended', 'deactivated']),
            reason: z.string().max(500).optional(),
          }),
        },
      },
      async (req) => users.changeStatus(req.auth!, req.params.id, req.body.status, req.body.reason),
    );

    // Every permission there is, so an admin screen can offer the ones a user lacks.
    app.get(
      '/admin/permissions',
      { config: { permission: 'view_all_users' }, schema: { tags } },
      async () => ({
        items: ALL_PERMISSIONS,
      }),
    );

    const permParams = z.object({ id: z.string().max(64), name: z.string().max(64) });
    app.post(
      '/admin/users/:id/permissions/:name',
      { config: { permission: 'manage_permissions' }, schema: { tags, params: permParams } },
      async (req) => users.setPermission(req.auth!, req.params.id, req.params.name, true),
    );
    app.delete(
      '/admin/users/:id/permissions/:name',
      { config: { permission: 'manage_permissions' }, schema: { tags, params: permParams } },
      async (req) => users.setPermission(req.auth!, req.params.id, req.params.name, false),
    );
  };
