import { Readable } from 'node:stream';
import type { AccountDeleted } from '../../../contracts/privacy.js';
import { findUserById, type UserRow } from '../accounts/users.repo.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import type { BookingsService } from '../bookings/bookings.service.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { publicName } from '../instructors/instructor-views.js';
import { rolesOfUser } from '../../platform/access/rbac.repo.js';
import { type AdminAction, recordAdminAction } from '../../platform/audit/admin-audit.repo.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { PasswordHasher } from '../../platform/auth/password.js';
import type { UserAccess } from '../../platform/access/user-access.js';
import type { AppDeps } from '../../platform/deps.js';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/ids.js';
import { PerUserLimit } from '../../platform/limits/per-user-limit.js';
import { EXPORT_SECTIONS, eraseAccountWithin, sectionBatches } from './privacy.repo.js';

/** Data export (GDPR art. 15/20) and erasure (art. 17): one's own, or any account's by an admin. */
export class PrivacyService {
  private readonly exportLimit: PerUserLimit;
  /** Writes the searches still queued off the request path, so an export or erasure sees them all. */
  private flushSearches: () => Promise<void> = async () => {};

  constructor(
    private readonly deps: AppDeps,
    private readonly hasher: PasswordHasher,
    private readonly access: UserAccess,
    private readonly bookings: BookingsService,
    private readonly availability: AvailabilityService,
    private readonly catalog: CatalogService,
  ) {
    // An export reads every table: a few a minute is plenty for a person, little for a scraper.
    this.exportLimit = new PerUserLimit({ action: 'privacy-export', perMinute: 3 }, deps);
  }

  /** Queued search history and events are this person's data too (the recorder's flush). */
  queuedSearchesFrom(flush: () => Promise<void>): void {
    this.flushSearches = flush;
  }

  /** Only the caller's own rows: every query is keyed by their id. */
  async export(auth: AuthContext) {
    await this.exportLimit.consume(auth.user.id);
    await this.flushSearches();
    return this.exportOf(auth.user.id);
  }

  /** An admin's export of one account (a subject access request handled by support), audited. */
  async adminExport(actor: AuthContext, userId: string) {
    await this.existing(userId);
    await recordAdminAction(this.deps.db, {
      actorId: actor.user.id,
      action: 'privacy.export',
      targetType: 'user',
      targetUserId: userId,
      targetId: userId,
    });
    await this.flushSearches();
    return this.exportOf(userId);
  }

  /**
   * The export as JSON text, a section at a time and each section a batch of rows at a time, so
   * the whole file is never in memory. Dates come out as ISO strings (Date.toJSON), whichever
   * driver read them.
   */
  private exportOf(id: string): Readable {
    const { db, clock } = this.deps;
    const now = clock.now();
    async function* json() {
      yield `{"exportedAt":${JSON.stringify(now.toISOString())}`;
      for (const s of EXPORT_SECTIONS) {
        yield `,${JSON.stringify(s.name)}:`;
        if (s.kind === 'object' || s.kind === 'names') {
          let rows: Record<string, unknown>[] = [];
          for await (const batch of sectionBatches(db, s, id, now)) rows = batch;
          yield s.kind === 'names'
            ? JSON.stringify(rows.map((r) => r.name))
            : JSON.stringify(rows[0] ?? (s.name === 'profile' ? {} : null));
          continue;
        }
        yield '[';
        let first = true;
        for await (const batch of sectionBatches(db, s, id, now)) {
          yield (first ? '' : ',') + batch.map((r) => JSON.stringify(r)).join(',');
          first = false;
        }
        yield ']';
      }
      yield '}\n';
    }
    const log = this.deps.log;
    // Headers are sent by then: a failure can only cut the file short (invalid JSON), and is logged.
    async function* logged() {
      try {
        yield* json();
      } catch (err) {
        log.error({ err, userId: id }, 'privacy export failed part-way');
        throw err;
      }
    }
    return Readable.from(logged());
  }

  async delete(auth: AuthContext, password: string): Promise<AccountDeleted> {
    const user = await this.existing(auth.user.id);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw forbidden('WRONG_PASSWORD', 'That password is not right.');
    }
    await this.refuseWithLessonsToTeach(user, auth.roles.includes('instructor'), 'self');
    return this.erase(user, auth.user.id, 'The student deleted their account.');
  }

  /**
   * An admin erases an account, with a reason. An instructor with lessons ahead is refused unless
   * `force`: then those lessons are cancelled without fee and the students told, in the erasure's
   * transaction.
   */
  async adminDelete(
    actor: AuthContext,
    userId: string,
    o: { reason: string; force: boolean },
  ): Promise<AccountDeleted> {
    const user = await this.existing(userId);
    if (user.id === actor.user.id) {
      throw unprocessable('SELF_LOCKOUT', 'Admins cannot delete their own account here.');
    }
    if (!o.force) {
      const isInstructor = (await rolesOfUser(this.deps.db, user.id)).includes('instructor');
      await this.refuseWithLessonsToTeach(user, isInstructor, 'admin');
    }
    return this.erase(user, actor.user.id, 'The account was deleted by InstaInstru.', {
      actorId: actor.user.id,
      action: 'privacy.delete',
      targetType: 'user',
      targetUserId: user.id,
      targetId: user.id,
      reason: o.reason,
      details: { forced: o.force },
    });
  }

  /** A live account by id: a malformed, unknown or already-erased id is 404. */
  private async existing(id: string): Promise<UserRow> {
    const user = isUuid(id) ? await findUserById(this.deps.db, id) : undefined;
    if (!user || user.deletedAt) throw notFound('User');
    return user;
  }

  // Students would lose lessons they booked without warning: the instructor cancels them first
  // (as for deactivation), or an admin forces it.
  private async refuseWithLessonsToTeach(user: UserRow, isInstructor: boolean, who: 'self' | 'admin') {
    if (!isInstructor) return;
    const n = await this.bookings.futureLessonCount(user.id, 'instructor');
    if (n === 0) return;
    const lessons = `${n} upcoming lesson${n === 1 ? '' : 's'}`;
    throw conflict(
      'HAS_FUTURE_LESSONS',
      who === 'self'
        ? `You have ${lessons} to teach. Cancel ${n === 1 ? 'it' : 'them'} first, then delete your account.`
        : `This instructor has ${lessons} to teach. Send force: true to cancel them without fee and tell the students.`,
      { count: n },
    );
  }

  /**
   * One transaction: upcoming lessons cancelled without fee (the other people told through the
   * outbox), the person erased, sessions revoked, and an admin's audit entry.
   */
  private async erase(user: UserRow, actorId: string, why: string, audit?: AdminAction) {
    // Else a search queued before the erasure would be written after it, under the erased id.
    await this.flushSearches();
    const cancelled = await this.deps.db.transaction(async (tx) => {
      const rows = await this.bookings.cancelFutureLessonsWithin(tx, user.id, why);
      await eraseAccountWithin(tx, {
        id: user.id,
        actorId,
        oldEmail: user.email,
        names: [user.fullName, publicName(user.fullName)],
        at: this.deps.clock.now(),
      });
      if (audit)
        await recordAdminAction(tx, {
          ...audit,
          details: { ...audit.details, cancelledLessons: rows.length },
        });
      return rows;
    });
    await this.bookings.afterSystemCancellations(cancelled);
    await this.access.invalidate(user.id);
    await this.availability.invalidate(user.id);
    await this.catalog.invalidate();
    return { deleted: true as const, cancelledLessons: cancelled.length };
  }
}
