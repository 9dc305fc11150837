import type { AuditAction, AuditLogPage, AuditLogQuery, AuditTargetType } from '../../../contracts/audit.js';
import { auditEntriesBefore } from '../../platform/audit/admin-audit.repo.js';
import type { AppDeps } from '../../platform/deps.js';

// Opaque to clients: the sequence number of the last entry of a page.
const cursorOf = (seq: number) => `a${seq}`;

/** Reads the admin audit log (view_audit_log, checked by the route); writing is each action's. */
export class AuditLogService {
  constructor(private readonly deps: AppDeps) {}

  async list(q: AuditLogQuery): Promise<AuditLogPage> {
    const rows = await auditEntriesBefore(this.deps.db, {
      actorId: q.actorId,
      targetUserId: q.targetUserId,
      action: q.action,
      beforeSeq: q.before ? Number(q.before.slice(1)) : undefined,
      limit: q.limit,
    });
    const page = rows.slice(0, q.limit);
    return {
      items: page.map((r) => ({
        id: r.id,
        // Text columns written only from the contract's vocabularies (and a check constraint).
        action: r.action as AuditAction,
        actor: { id: r.actorId, name: r.actorName },
        targetUser: r.targetUserId ? { id: r.targetUserId, name: r.targetName ?? '' } : null,
        targetType: r.targetType as AuditTargetType,
        targetId: r.targetId,
        reason: r.reason,
        details: r.details,
        createdAt: r.createdAt.toISOString(),
      })),
      nextCursor: rows.length > q.limit ? cursorOf(page[page.length - 1]!.seq) : null,
    };
  }
}
