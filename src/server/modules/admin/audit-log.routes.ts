import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditLogPage, auditLogQuery } from '../../../contracts/audit.js';
import type { AuditLogService } from './audit-log.service.js';

export const auditLogRoutes =
  (audit: AuditLogService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/admin/audit-log',
      {
        config: { permission: 'view_audit_log' },
        schema: {
          operationId: 'listAdminAuditLog',
          summary: 'Every admin action, newest first: who, on whom, what, why and when.',
          tags: ['admin'],
          querystring: auditLogQuery,
          response: { 200: auditLogPage },
        },
      },
      async (req) => audit.list(req.query),
    );
  };
