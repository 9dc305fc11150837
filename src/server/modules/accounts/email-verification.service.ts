import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { hashToken, newToken } from '../../platform/auth/tokens.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, unauthorized } from '../../platform/http/errors.js';
import { renderEmail } from '../../platform/mail/email-layout.js';
import {
  insertVerificationToken,
  markEmailVerified,
  spendAllVerificationTokensOf,
  spendVerificationToken,
} from './email-verification.repo.js';
import { findUserById } from './users.repo.js';

/** Long enough to survive a weekend away from the inbox. */
export const VERIFICATION_TTL_MS = 48 * 60 * 60 * 1000;

/** Runs after an address is verified (search and the catalog counts take the instructor in). */
export type VerifiedListener = (userId: string) => Promise<void>;

const invalidToken = () =>
  new AppError(
    400,
    'INVALID_VERIFICATION_TOKEN',
    'This verification link is invalid, used or expired. Sign in and ask for a new one.',
  );

export class EmailVerificationService {
  private readonly listeners: VerifiedListener[] = [];

  constructor(private readonly deps: AppDeps) {}

  onVerified(listener: VerifiedListener): void {
    this.listeners.push(listener);
  }

  private hash(token: string) {
    return hashToken(this.deps.config.sessionSecret, token);
  }

  /**
   * Queues a verification link inside the caller's transaction, so the token, the email and the
   * state change that needs them commit together. The caller wakes the mailer after the commit.
   */
  async queueLink(tx: Db, user: { id: string; email: string; fullName: string }): Promise<void> {
    const token = newToken('iiv');
    const link = `${this.deps.config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`;
    await insertVerificationToken(tx, {
      userId: user.id,
      tokenHash: this.hash(token),
      expiresAt: new Date(this.deps.clock.now().getTime() + VERIFICATION_TTL_MS),
    });
    await this.deps.mailer.queue(tx, {
      to: user.email,
      template: 'email_verification',
      subject: 'Verify your InstaInstru email',
      ...renderEmail({
        greeting: `Hi ${user.fullName},`,
        paragraphs: [
          'Please confirm this is your email address by opening the link below within 48 hours.',
          'Instructors appear in search once their address is verified.',
        ],
        action: { label: 'Verify my email', url: link },
        footer: "If you didn't create an InstaInstru account, ignore this email.",
      }),
    });
  }

  /** Single use: the token is spent atomically; of two racing verifies only one succeeds. */
  async verify(token: string): Promise<void> {
    const now = this.deps.clock.now();
    const userId = await this.deps.db.transaction(async (tx) => {
      const spentBy = await spendVerificationToken(tx, this.hash(token), now);
      if (!spentBy) return undefined;
      await markEmailVerified(tx, spentBy, now);
      // Other outstanding links for this account are no longer needed.
      await spendAllVerificationTokensOf(tx, spentBy);
      return spentBy;
    });
    if (!userId) throw invalidToken();
    for (const listener of this.listeners) await listener(userId);
  }

  /** Emails a fresh link; a no-op for an address already verified. */
  async resend(auth: AuthContext): Promise<{ emailVerified: boolean }> {
    const user = await findUserById(this.deps.db, auth.user.id);
    if (!user) throw unauthorized();
    if (user.emailVerifiedAt) return { emailVerified: true };
    await this.deps.limits.verificationMailPerUser.consume(user.id);
    await this.deps.db.transaction((tx) => this.queueLink(tx, user));
    this.deps.mailer.committed();
    return { emailVerified: false };
  }
}
