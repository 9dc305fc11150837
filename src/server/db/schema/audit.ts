import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { ts } from './columns.js';

/**
 * Every admin action (PRODUCT §7), written in the transaction of the action itself, never updated.
 * `seq` orders and pages it; targets other than accounts are kept by id as text (the row may go).
 */
export const adminAuditLog = pgTable(
  'admin_audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action').notNull(),
    targetUserId: uuid('target_user_id').references(() => users.id),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('admin_audit_log_seq_idx').on(t.seq),
    index('admin_audit_log_actor_idx').on(t.actorId, t.seq),
    index('admin_audit_log_target_idx').on(t.targetUserId, t.seq),
    index('admin_audit_log_action_idx').on(t.action, t.seq),
    check(
      'admin_audit_log_target_type_check',
      sql`${t.targetType} in ('user', 'message', 'review', 'analytics_report')`,
    ),
  ],
);
