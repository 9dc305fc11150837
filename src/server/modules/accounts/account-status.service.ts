import type { UserAccess } from '../../platform/access/user-access.js';
import { type AdminAction, recordAdminAction } from '../../platform/audit/admin-audit.repo.js';
import { revokeUserSessions } from '../../platform/auth/sessions.repo.js';
import type { AppDeps } from '../../platform/deps.js';
import { forbidden } from '../../platform/http/errors.js';
import type { AccountStatus } from './users.repo.js';
import { setAccountStatus } from './users.repo.js';

/** Runs after a status change (cancel a deactivated student's lessons, refresh search). */
export type StatusListener = (userId: string, to: AccountStatus, actorId: string) => Promise<void>;

export class AccountStatusService {
  private readonly listeners: StatusListener[] = [];

  constructor(
    private readonly deps: AppDeps,
    private readonly access: UserAccess,
  ) {}

  onChange(l: StatusListener): void {
    this.listeners.push(l);
  }

  /**
   * Takes effect at once: a deactivation ends every live session. An admin's change passes its
   * audit entry, written in the status change's transaction.
   */
  async change(userId: string, to: AccountStatus, actorId: string, reason?: string, audit?: AdminAction) {
    return this.apply(userId, to, actorId, reason ?? null, false, audit);
  }

  /**
   * A person changing their own status: refused (403) while a status an admin set is in force,
   * so a suspension cannot be lifted, or laundered through deactivate + reactivate, by its subject.
   */
  async changeOwn(userId: string, to: AccountStatus) {
    const user = await this.apply(userId, to, userId, null, true);
    if (!user) {
      throw forbidden(
        'STATUS_SET_BY_ADMIN',
        'An administrator changed this account’s status; only an administrator can change it back.',
      );
    }
    return user;
  }

  private async apply(
    userId: string,
    to: AccountStatus,
    actorId: string,
    reason: string | null,
    selfService: boolean,
    audit?: AdminAction,
  ) {
    const user = await this.deps.db.transaction(async (tx) => {
      const u = await setAccountStatus(tx, userId, to, actorId, reason, selfService);
      if (u && audit) await recordAdminAction(tx, audit);
      if (u && to === 'deactivated') await revokeUserSessions(tx, userId);
      return u;
    });
    if (!user) return undefined;
    await this.access.invalidate(userId);
    for (const l of this.listeners) await l(userId, to, actorId);
    return user;
  }
}
