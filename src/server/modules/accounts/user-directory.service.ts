import type { AccountStatus } from '../../../contracts/accounts.js';
import type { AppDeps } from '../../platform/deps.js';
import { isUuid } from '../../platform/ids.js';
import type { UserRow } from './users.repo.js';
import { findUserById, searchUsers } from './users.repo.js';

export type { UserRow } from './users.repo.js';

export interface AccountSearch {
  q?: string;
  role?: string;
  status?: AccountStatus;
  limit: number;
  offset: number;
}

/** Looking accounts up for other domains (user administration), which never read the users table. */
export class UserDirectoryService {
  constructor(private readonly deps: AppDeps) {}

  /** A malformed id names no account (rather than failing in SQL). */
  async findAccount(id: string): Promise<UserRow | undefined> {
    return isUuid(id) ? findUserById(this.deps.db, id) : undefined;
  }

  /** Email or name containing `q`, optionally by role and status; newest first, with their roles. */
  async searchAccounts(f: AccountSearch) {
    return searchUsers(this.deps.db, f);
  }
}
