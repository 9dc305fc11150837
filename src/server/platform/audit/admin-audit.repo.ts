import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuditAction, AuditTargetType } from '../../../contracts/audit.js';
import type { Db } from '../../db/client.js';
import { adminAuditLog, users } from '../../db/schema/index.js';

/** One admin action, as the service doing it describes it. */
export interface AdminAction {
  actorId: string;
  action: AuditAction;
  targetType: AuditTargetType;
  targetUserId?: string | null;
  targetId?: string | null;
  reason?: string | null;
  /** What changed; ids and values only, never a person's name or email. */
  details?: Record<string, unknown>;
}

/**
 * Writes the entry with `db` — pass the transaction of the action itself, so an action and its
 * record commit or roll back together.
 */
export async function recordAdminAction(db: Db, a: AdminAction): Promise<void> {
  await db.insert(adminAuditLog).values({
    actorId: a.actorId,
    action: a.action,
    targetType: a.targetType,
    targetUserId: a.targetUserId ?? null,
    targetId: a.targetId ?? null,
    reason: a.reason?.trim() || null,
    details: a.details ?? {},
  });
}

const actor = alias(users, 'actor');
const target = alias(users, 'target');

/** Newest first, `limit + 1` rows so the caller knows whether an older page exists. */
export async function auditEntriesBefore(
  db: Db,
  f: { actorId?: string; targetUserId?: string; action?: AuditAction; beforeSeq?: number; limit: number },
) {
  const where: (SQL | undefined)[] = [
    f.actorId ? eq(adminAuditLog.actorId, f.actorId) : undefined,
    f.targetUserId ? eq(adminAuditLog.targetUserId, f.targetUserId) : undefined,
    f.action ? eq(adminAuditLog.action, f.action) : undefined,
    f.beforeSeq !== undefined ? lt(adminAuditLog.seq, f.beforeSeq) : undefined,
  ];
  return db
    .select({
      id: adminAuditLog.id,
      seq: adminAuditLog.seq,
      action: adminAuditLog.action,
      actorId: adminAuditLog.actorId,
      actorName: actor.fullName,
      targetUserId: adminAuditLog.targetUserId,
      targetName: target.fullName,
      targetType: adminAuditLog.targetType,
      targetId: adminAuditLog.targetId,
      reason: adminAuditLog.reason,
      details: adminAuditLog.details,
      createdAt: adminAuditLog.createdAt,
    })
    .from(adminAuditLog)
    .innerJoin(actor, eq(actor.id, adminAuditLog.actorId))
    .leftJoin(target, eq(target.id, adminAuditLog.targetUserId))
    .where(and(...where))
    .orderBy(desc(adminAuditLog.seq))
    .limit(f.limit + 1);
}
