import type { PasswordHasher } from '../../platform/auth/password.js';
import { revokeUserSessions } from '../../platform/auth/sessions.repo.js';
import { hashIp, hashToken, newToken } from '../../platform/auth/tokens.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import {
  findLiveResetTokenOwner,
  insertResetToken,
  spendAllResetTokensOf,
  spendResetToken,
} from './password-reset.repo.js';
import { findUserByEmail, findUserById, updatePasswordHash } from './users.repo.js';
import { renderEmail } from '../../platform/mail/email-layout.js';

const TOKEN_TTL_MS = 60 * 60 * 1000;

const invalidToken = () =>
  new AppError(400, 'INVALID_RESET_TOKEN', 'This reset link is invalid, used or expired. Request a new one.');

/** "j***@example.com": enough for the owner to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(3, local.length - 1))}@${domain}`;
}

export class PasswordResetService {
  constructor(
    private readonly deps: AppDeps,
    private readonly hasher: PasswordHasher,
  ) {}

  private hash(token: string) {
    return hashToken(this.deps.config.sessionSecret, token);
  }

  /** Answers the same whether or not the email has an account. */
  async request(email: string, ip: string): Promise<void> {
    await this.deps.limits.passwordResetPerIp.consume(hashIp(this.deps.config.ipHashSalt, ip));
    const user = await findUserByEmail(this.deps.db, email.trim());
    if (!user || user.accountStatus === 'deactivated') return;
    const token = newToken('iir');
    const link = `${this.deps.config.publicUrl}/reset-password/${token}`;
    // The token and the email that carries it commit together.
    await this.deps.db.transaction(async (tx) => {
      await insertResetToken(tx, {
        userId: user.id,
        tokenHash: this.hash(token),
        expiresAt: new Date(this.deps.clock.now().getTime() + TOKEN_TTL_MS),
      });
      await this.deps.mailer.queue(tx, {
        to: user.email,
        template: 'password_reset',
        subject: 'Reset your InstaInstru password',
        ...renderEmail({
          greeting: `Hi ${user.fullName},`,
          paragraphs: [
            'Someone (hopefully you) asked to reset your InstaInstru password. Open this link within an hour to choose a new one.',
          ],
          action: { label: 'Choose a new password', url: link },
          footer: "If it wasn't you, ignore this email: your password stays as it is.",
        }),
      });
    });
    this.deps.mailer.committed();
  }

  async verify(token: string): Promise<{ email: string }> {
    const userId = await findLiveResetTokenOwner(this.deps.db, this.hash(token), this.deps.clock.now());
    const user = userId && (await findUserById(this.deps.db, userId));
    if (!user) throw invalidToken();
    return { email: maskEmail(user.email) };
  }

  /** Single use: the token is spent atomically; every session of the account ends. */
  async confirm(token: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    const userId = await this.deps.db.transaction(async (tx) => {
      const spentBy = await spendResetToken(tx, this.hash(token), this.deps.clock.now());
      if (!spentBy) return undefined;
      await updatePasswordHash(tx, spentBy, passwordHash);
      // Other outstanding links for this account die with this one.
      await spendAllResetTokensOf(tx, spentBy);
      return spentBy;
    });
    if (!userId) throw invalidToken();
    await revokeUserSessions(this.deps.db, userId);
  }
}
