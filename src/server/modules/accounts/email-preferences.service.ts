import type { EmailCategory, EmailPreferences } from '../../../contracts/accounts.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { badRequest } from '../../platform/http/errors.js';
import { preferencesOf, savePreferences } from './email-preferences.repo.js';
import { readUnsubscribeToken } from './unsubscribe.js';
import { findUserById } from './users.repo.js';

/** Which optional emails a person gets: set on the account page, or off by an email's unsubscribe link. */
export class EmailPreferencesService {
  constructor(private readonly deps: AppDeps) {}

  mine(auth: AuthContext): Promise<EmailPreferences> {
    return preferencesOf(this.deps.db, auth.user.id);
  }

  update(auth: AuthContext, change: Partial<EmailPreferences>): Promise<EmailPreferences> {
    return savePreferences(this.deps.db, auth.user.id, change, this.deps.clock.now());
  }

  /** What a link turns off; reading it changes nothing (mail scanners follow links). */
  async linkInfo(token: string): Promise<{ category: EmailCategory; subscribed: boolean }> {
    const { userId, category } = await this.holderOf(token);
    return { category, subscribed: (await preferencesOf(this.deps.db, userId))[category] };
  }

  /** Turns the link's category off, without a session; already off is the same answer. */
  async unsubscribe(token: string): Promise<{ category: EmailCategory; subscribed: false }> {
    const { userId, category } = await this.holderOf(token);
    const change: Partial<EmailPreferences> = { [category]: false };
    await savePreferences(this.deps.db, userId, change, this.deps.clock.now());
    return { category, subscribed: false };
  }

  private async holderOf(token: string) {
    const holder = readUnsubscribeToken(this.deps.mailer.listSecret, token);
    // A forged or altered token, or one of an account that no longer exists: nothing to change.
    if (!holder || !(await findUserById(this.deps.db, holder.userId))) {
      throw badRequest('INVALID_UNSUBSCRIBE_LINK', 'This unsubscribe link is not valid.');
    }
    return holder;
  }
}
