import type { UserAccess } from '../../platform/access/user-access.js';
import { revokeUserSessions } from '../../platform/auth/sessions.repo.js';
import type { AppDeps } from '../../platform/deps.js';
import type { AccountStatus } from './users.repo.js';
import { setAccountStatus } from './users.repo.js';

/** Runs before a status change commits; may refuse it by throwing (future-bookings guard). */
export type StatusGuard = (userId: string, to: AccountStatus, actorId: string) => Promise<void>;
/** Runs after a status change (cancel a deactivated student's lessons, refresh search). */
export type StatusListener = (userId: string, to: AccountStatus, actorId: string) => Promise<void>;

export class AccountStatusService {
  private readonly guards: StatusGuard[] = [];
  private readonly listeners: StatusListener[] = [];

  constructor(
    private readonly deps: AppDeps,
    private readonly access: UserAccess,
  ) {}

  addGuard(g: StatusGuard): void {
    this.guards.push(g);
  }

  onChange(l: StatusListener): void {
    this.listeners.push(l);
  }

  /** Takes effect at once: a deactivation ends every live session. */
  async change(userId: string, to: AccountStatus, actorId: string, reason?: string) {
    for (const g of this.guards) await g(userId, to, actorId);
    const user = await setAccountStatus(this.deps.db, userId, to, actorId, reason ?? null);
    if (!user) return undefined;
    if (to === 'deactivated') await revokeUserSessions(this.deps.db, userId);
    await this.access.invalidate(userId);
    for (const l of this.listeners) await l(userId, to, actorId);
    return user;
  }
}
