import type { AccountStatus } from '../../../contracts/accounts.js';
import type { AdminUser } from '../../../contracts/admin.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { isPermissionName, type RoleName } from '../../platform/access/permissions.js';
import { setUserPermission } from '../../platform/access/rbac.repo.js';
import { recordAdminAction } from '../../platform/audit/admin-audit.repo.js';
import type { UserAccess } from '../../platform/access/user-access.js';
import type { AppDeps } from '../../platform/deps.js';
import { notFound, unprocessable } from '../../platform/http/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import type { AccountStatusService } from '../accounts/account-status.service.js';
import type { UserDirectoryService, UserRow } from '../accounts/user-directory.service.js';

const adminView = (u: UserRow & { roles?: string[] }): AdminUser => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  timezone: u.timezone,
  // Text columns: a check constraint holds the status to its three values, and roles are the seeded ones.
  accountStatus: u.accountStatus as AccountStatus,
  statusChangedAt: u.statusChangedAt?.toISOString() ?? null,
  statusReason: u.statusReason,
  roles: (u.roles ?? []) as RoleName[],
  createdAt: u.createdAt.toISOString(),
});

export class AdminUsersService {
  constructor(
    private readonly deps: AppDeps,
    private readonly access: UserAccess,
    private readonly status: AccountStatusService,
    private readonly directory: UserDirectoryService,
  ) {}

  private async existing(id: string): Promise<UserRow> {
    const u = await this.directory.findAccount(id);
    if (!u) throw notFound('User');
    return u;
  }

  async list(q: { q?: string; role?: string; status?: AccountStatus; page: number; perPage: number }) {
    const { rows, total } = await this.directory.searchAccounts({
      ...q,
      limit: q.perPage,
      offset: offsetOf(q.page, q.perPage),
    });
    return { items: rows.map(adminView), total, page: q.page, perPage: q.perPage };
  }

  async get(id: string) {
    const u = await this.existing(id);
    const { roles, permissions } = await this.access.of(u.id);
    return { ...adminView({ ...u, roles }), permissions };
  }

  async changeStatus(actor: AuthContext, id: string, to: AccountStatus, reason?: string) {
    const before = await this.existing(id);
    if (id === actor.user.id && to !== 'active') {
      throw unprocessable('SELF_LOCKOUT', 'Admins cannot suspend or deactivate their own account here.');
    }
    const why = reason?.trim() || undefined;
    const u = await this.status.change(id, to, actor.user.id, why, {
      actorId: actor.user.id,
      action: 'user.status_change',
      targetType: 'user',
      targetUserId: id,
      targetId: id,
      reason: why,
      details: { from: before.accountStatus, to },
    });
    return adminView(u!);
  }

  /** granted=false is a per-user revoke: it wins over any role grant. */
  async setPermission(actor: AuthContext, id: string, name: string, granted: boolean) {
    await this.existing(id);
    // Revoking one's own permission could take away the very power to undo it.
    if (id === actor.user.id && !granted) {
      throw unprocessable('SELF_LOCKOUT', 'Admins cannot revoke their own permissions here.');
    }
    if (!isPermissionName(name)) throw notFound('Permission');
    await this.deps.db.transaction(async (tx) => {
      await setUserPermission(tx, id, name, granted);
      await recordAdminAction(tx, {
        actorId: actor.user.id,
        action: granted ? 'user.permission_grant' : 'user.permission_revoke',
        targetType: 'user',
        targetUserId: id,
        targetId: id,
        details: { permission: name },
      });
    });
    await this.access.invalidate(id);
    return this.get(id);
  }
}
