import type { AppDeps } from '../deps.js';
import type { PermissionName, RoleName } from './permissions.js';
import { effectivePermissions, rolesOfUser } from './rbac.repo.js';

const TTL_SECONDS = 60;
const key = (userId: string) => `access:${userId}`;

/** Roles and effective permissions of a user, cached briefly and dropped on every change. */
export class UserAccess {
  constructor(private readonly deps: Pick<AppDeps, 'db' | 'cache' | 'metrics'>) {}

  async of(userId: string): Promise<{ roles: RoleName[]; permissions: PermissionName[] }> {
    const hit = await this.deps.cache.get<{ roles: RoleName[]; permissions: PermissionName[] }>(key(userId));
    this.deps.metrics.cacheResult('access', !!hit);
    if (hit) return hit;
    const [roles, permissions] = await Promise.all([
      rolesOfUser(this.deps.db, userId),
      effectivePermissions(this.deps.db, userId),
    ]);
    const value = { roles, permissions };
    await this.deps.cache.set(key(userId), value, TTL_SECONDS);
    return value;
  }

  async invalidate(userId: string): Promise<void> {
    await this.deps.cache.del(key(userId));
  }
}
