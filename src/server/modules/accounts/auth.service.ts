import { DEFAULT_TIME_ZONE } from '../../../contracts/time-zone.js';
import type { LoginInput, Me, SignupInput } from '../../../contracts/accounts.js';
import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { PasswordHasher } from '../../platform/auth/password.js';
import { createSession, revokeSession, revokeUserSessions } from '../../platform/auth/sessions.repo.js';
import { hashIp, hashToken, newToken } from '../../platform/auth/tokens.js';
import type { UserAccess } from '../../platform/access/user-access.js';
import { addRoles } from '../../platform/access/rbac.repo.js';
import type { PermissionName, RoleName } from '../../platform/access/permissions.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, conflict, forbidden, unauthorized } from '../../platform/http/errors.js';
import type { EmailVerificationService } from './email-verification.service.js';
import type { AccountStatus, UserRow } from './users.repo.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  setAccountStatus,
  updatePasswordHash,
  updateUserProfile,
} from './users.repo.js';

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

/** Hooks other domains attach to (search history moves a guest's searches to the account). */
export type SignedInListener = (userId: string, guestSessionId: string | undefined) => Promise<void>;
/** Runs inside the signup transaction of an instructor account (the instructors module adds the profile). */
export type InstructorSignupListener = (tx: Db, userId: string, timezone: string) => Promise<void>;

const tooManyLogins = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'RATE_LIMITED',
    'Too many failed sign-in attempts. Try again later.',
    { retryAfterSeconds },
    { 'retry-after': String(retryAfterSeconds) },
  );

export const publicUser = (u: UserRow, roles: RoleName[], permissions: PermissionName[]): Me => ({
  id: u.id,
  email: u.email,
  fullName: u.fullName,
  timezone: u.timezone,
  // A text column; its check constraint holds it to the three statuses.
  accountStatus: u.accountStatus as AccountStatus,
  emailVerified: u.emailVerifiedAt !== null,
  roles,
  permissions,
});

export class AuthService {
  private readonly signedInListeners: SignedInListener[] = [];
  private readonly instructorSignupListeners: InstructorSignupListener[] = [];

  constructor(
    private readonly deps: AppDeps,
    private readonly hasher: PasswordHasher,
    private readonly access: UserAccess,
    private readonly verification: EmailVerificationService,
  ) {}

  onSignedIn(listener: SignedInListener): void {
    this.signedInListeners.push(listener);
  }

  onInstructorSignup(listener: InstructorSignupListener): void {
    this.instructorSignupListeners.push(listener);
  }

  private async describe(u: UserRow) {
    const { roles, permissions } = await this.access.of(u.id);
    return publicUser(u, roles, permissions);
  }

  private async startSession(u: UserRow, client: ClientInfo, guestSessionId?: string) {
    const token = newToken('iis');
    const { config, clock, db } = this.deps;
    await createSession(db, {
      userId: u.id,
      tokenHash: hashToken(config.sessionSecret, token),
      expiresAt: new Date(clock.now().getTime() + config.sessionTtlDays * 86_400_000),
      userAgent: client.userAgent,
      ipHash: hashIp(config.ipHashSalt, client.ip),
    });
    for (const listener of this.signedInListeners) await listener(u.id, guestSessionId);
    return { user: await this.describe(u), token };
  }

  async signup(input: SignupInput, client: ClientInfo) {
    await this.deps.limits.signupPerIp.consume(hashIp(this.deps.config.ipHashSalt, client.ip));
    const passwordHash = await this.hasher.hash(input.password);
    const timezone = input.timezone ?? DEFAULT_TIME_ZONE;
    const user = await this.deps.db.transaction(async (tx) => {
      const u = await insertUser(tx, {
        email: input.email,
        passwordHash,
        fullName: input.fullName,
        timezone,
      });
      if (!u) return undefined;
      // Everyone can book; self-service instructors also get the instructor role and an empty profile.
      await addRoles(tx, u.id, input.role === 'instructor' ? ['student', 'instructor'] : ['student']);
      if (input.role === 'instructor') {
        for (const listener of this.instructorSignupListeners) await listener(tx, u.id, timezone);
      }
      // The verification link commits with the account: no account without its email, nor the reverse.
      await this.verification.queueLink(tx, u);
      return u;
    });
    if (!user) throw conflict('EMAIL_TAKEN', 'An account with this email already exists. Sign in instead.');
    this.deps.mailer.committed();
    return this.startSession(user, client, input.guestSessionId);
  }

  async login(input: LoginInput, client: ClientInfo) {
    const { limits, config } = this.deps;
    const ipKey = hashIp(config.ipHashSalt, client.ip);
    const accountKey = input.email;
    // The attempt is paid for before the password is checked, atomically: of 50 concurrent
    // guesses at one account, only the budget's worth are ever verified.
    const [acct, ip] = await Promise.all([
      limits.loginPerAccount.tryConsume(accountKey),
      limits.loginPerIp.tryConsume(ipKey),
    ]);
    if (!acct.allowed || !ip.allowed) {
      // A refused attempt is not a failure: the other counter gets its point back.
      if (acct.allowed) await limits.loginPerAccount.refund(accountKey);
      if (ip.allowed) await limits.loginPerIp.refund(ipKey);
      throw tooManyLogins(
        Math.max(acct.allowed ? 0 : acct.retryAfterSeconds, ip.allowed ? 0 : ip.retryAfterSeconds),
      );
    }

    const user = await findUserByEmail(this.deps.db, input.email);
    const ok = user
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verifyNobody(input.password);
    if (!user || !ok) {
      // The failure that spent the last point already answers 429, so the client knows to wait.
      const last = [acct, ip].filter((r) => r.remaining === 0);
      if (last.length) throw tooManyLogins(Math.max(...last.map((r) => r.retryAfterSeconds)));
      // The same answer whether the email exists or not.
      throw new AppError(401, 'INVALID_CREDENTIALS', 'Email or password is incorrect.');
    }
    // Successful logins are not throttled: the account starts over and the address keeps its point.
    await Promise.all([limits.loginPerAccount.reset(accountKey), limits.loginPerIp.refund(ipKey)]);

    let current = user;
    if (user.accountStatus === 'deactivated') {
      const selfDeactivated = user.statusChangedBy === user.id;
      if (!input.reactivate || !selfDeactivated) {
        throw forbidden(
          'ACCOUNT_DEACTIVATED',
          selfDeactivated
            ? 'This account is deactivated. Sign in with reactivate: true to reactivate it.'
            : 'This account was deactivated by an administrator.',
          { canReactivate: selfDeactivated },
        );
      }
      current = (await setAccountStatus(this.deps.db, user.id, 'active', user.id))!;
    }
    return this.startSession(current, client, input.guestSessionId);
  }

  async logout(auth: AuthContext): Promise<void> {
    await revokeSession(this.deps.db, auth.sessionId);
  }

  async me(auth: AuthContext) {
    const u = await findUserById(this.deps.db, auth.user.id);
    if (!u) throw unauthorized();
    return { user: await this.describe(u) };
  }

  async updateMe(auth: AuthContext, patch: { fullName?: string; timezone?: string }) {
    const u = await updateUserProfile(this.deps.db, auth.user.id, patch);
    if (!u) throw unauthorized();
    return { user: await this.describe(u) };
  }

  /** Ends every other session: whoever knew the old password is signed out. */
  async changePassword(auth: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
    const u = await findUserById(this.deps.db, auth.user.id);
    if (!u || !(await this.hasher.verify(u.passwordHash, currentPassword))) {
      throw new AppError(422, 'WRONG_PASSWORD', 'The current password is incorrect.');
    }
    await updatePasswordHash(this.deps.db, u.id, await this.hasher.hash(newPassword));
    await revokeUserSessions(this.deps.db, u.id, auth.sessionId);
  }
}
