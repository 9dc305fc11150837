// What the admin audit log route takes and answers (PRODUCT §7: who did what to whom, when and why).
import { z } from 'zod';
import { AUDIT_ACTIONS } from './audit-actions.js';
import { queryInt, strictParams, text } from './primitives.js';

export { AUDIT_ACTIONS, type AuditAction } from './audit-actions.js';
export const auditAction = z.enum(AUDIT_ACTIONS);

export const AUDIT_TARGET_TYPES = ['user', 'message', 'review', 'analytics_report'] as const;
export const auditTargetType = z.enum(AUDIT_TARGET_TYPES);
export type AuditTargetType = z.infer<typeof auditTargetType>;

// ── Requests ────────────────────────────────────────────────────────────────────────────────

const uuidText = text({ max: 36, trim: false }).regex(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'Use an account id (a UUID).',
);

export const auditLogQuery = strictParams({
  actorId: uuidText.optional().describe('Only actions by this admin.'),
  targetUserId: uuidText.optional().describe('Only actions on this account.'),
  action: auditAction.optional(),
  before: text({ max: 24, trim: false })
    .regex(/^a\d{1,18}$/, 'Use the nextCursor of the previous page.')
    .optional()
    .describe('The nextCursor of the previous page: older entries than it.'),
  limit: queryInt({ min: 1, max: 100, message: 'Use a whole number from 1 to 100.' }).default(50),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

const person = z.object({ id: z.string(), name: z.string() }).describe('An account, by id and name.');

export const auditEntry = z
  .object({
    id: z.string(),
    action: auditAction,
    actor: person,
    /** The account acted on; null when the action was not about one account (a CSV export). */
    targetUser: person.nullable(),
    targetType: auditTargetType,
    /** The message, review or report acted on (the user id for account actions). */
    targetId: z.string().nullable(),
    /** Why, as the admin wrote it; null for actions that take no reason. */
    reason: z.string().nullable(),
    /** What changed, e.g. `{ from, to }` for a status or `{ permission }`; never personal data. */
    details: z.record(z.string(), z.unknown()),
    /** ISO-8601 instant. */
    createdAt: z.string(),
  })
  .describe('One admin action.');
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditLogPage = z
  .object({
    items: z.array(auditEntry),
    nextCursor: z.string().nullable().describe('Pass as `before` for older entries; null at the end.'),
  })
  .describe('Admin actions, newest first.');
export type AuditLogPage = z.infer<typeof auditLogPage>;
