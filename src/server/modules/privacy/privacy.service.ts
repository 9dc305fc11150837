import type { AccountDeleted, PrivacyExport } from '../../../contracts/privacy.js';
import { findUserById } from '../accounts/users.repo.js';
import type { AccountStatusService } from '../accounts/account-status.service.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import type { BookingsService } from '../bookings/bookings.service.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { publicName } from '../instructors/instructor-views.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { PasswordHasher } from '../../platform/auth/password.js';
import type { UserAccess } from '../../platform/access/user-access.js';
import type { AppDeps } from '../../platform/deps.js';
import { conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { PerUserLimit } from '../../platform/limits/per-user-limit.js';
import { eraseAccount, exportRows } from './privacy.repo.js';

/** Data export (GDPR art. 15/20) and erasure (art. 17) of one's own account. */
export class PrivacyService {
  private readonly exportLimit: PerUserLimit;

  constructor(
    private readonly deps: AppDeps,
    private readonly hasher: PasswordHasher,
    private readonly access: UserAccess,
    private readonly status: AccountStatusService,
    private readonly bookings: BookingsService,
    private readonly availability: AvailabilityService,
    private readonly catalog: CatalogService,
  ) {
    // An export reads every table: a few a minute is plenty for a person, little for a scraper.
    this.exportLimit = new PerUserLimit({ action: 'privacy-export', perMinute: 3 }, deps);
  }

  /** Only the caller's own rows: every query is keyed by their id. */
  async export(auth: AuthContext) {
    await this.exportLimit.consume(auth.user.id);
    const rows = await exportRows(this.deps.db, auth.user.id);
    // Dates and arrays as JSON has them (ISO strings), whichever driver read the rows.
    return JSON.parse(
      JSON.stringify({ exportedAt: this.deps.clock.now().toISOString(), ...rows }),
    ) as PrivacyExport;
  }

  async delete(auth: AuthContext, password: string): Promise<AccountDeleted> {
    const id = auth.user.id;
    const user = await findUserById(this.deps.db, id);
    if (!user) throw notFound('User');
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw forbidden('WRONG_PASSWORD', 'That password is not right.');
    }
    // Students would lose lessons they booked without warning: the instructor cancels them first
    // (as for deactivation).
    if (auth.roles.includes('instructor')) {
      const n = await this.bookings.futureLessonCount(id, 'instructor');
      if (n > 0) {
        throw conflict(
          'HAS_FUTURE_LESSONS',
          `You have ${n} upcoming lesson${n === 1 ? '' : 's'} to teach. Cancel ${n === 1 ? 'it' : 'them'} first, then delete your account.`,
          { count: n },
        );
      }
    }
    const before = await this.bookings.futureLessonCount(id, 'student');
    // Deactivating revokes every session and (status listener) cancels upcoming lessons without a
    // fee, telling the other person through the outbox; erasure then removes what is personal.
    await this.bookings.cancelFutureLessonsOf(id, 'The student deleted their account.');
    await this.status.change(id, 'deactivated', id);
    await eraseAccount(
      this.deps.db,
      id,
      user.email,
      [user.fullName, publicName(user.fullName)],
      this.deps.clock.now(),
    );
    await this.access.invalidate(id);
    await this.availability.invalidate(id);
    await this.catalog.invalidate();
    return { deleted: true, cancelledLessons: before };
  }
}
