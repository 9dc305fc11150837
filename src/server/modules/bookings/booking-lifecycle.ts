import type { Canceller } from '../../../contracts/money.js';
import { cancellationTerms, lessonPriceCents } from '../../../contracts/money.js';
import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, unprocessable } from '../../platform/http/errors.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import { findVisibleBooking } from './booking-access.js';
import { assertMay } from './booking-actions.js';
import { answerOf, loadAnswer } from './booking-answers.js';
import { afterBookingCommit, notifyParticipants } from './booking-notifications.js';
import type { BookingRow, Participants } from './bookings.repo.js';
import * as repo from './bookings.repo.js';
import type { RescheduleInput } from '../../../contracts/bookings.js';
import { assertBookable, bookingConflict, isOverlapRefusal, startInstant } from './requested-time.js';
import { closeOpenProposal } from './time-proposals.repo.js';

/**
 * Runs first inside a reschedule's transaction; answering false rolls the move back with a 409
 * (a time proposal another request already accepted).
 */
export type RescheduleClaim = (tx: Db) => Promise<boolean>;

export const proposalGone = () =>
  new AppError(409, 'PROPOSAL_GONE', 'This proposal is no longer open; reload the lesson.');

/**
 * What happens to a lesson after it is booked: cancel, reschedule, completed or no-show, and the
 * system's cancellation of a deactivated account's lessons. Each first finds the booking on the
 * caller's side (404 otherwise) and checks the action's rule (booking-actions.ts).
 */
export class BookingLifecycle {
  constructor(
    private readonly deps: AppDeps,
    private readonly availability: AvailabilityService,
  ) {}

  private now() {
    return this.deps.clock.now();
  }

  async cancel(auth: AuthContext, id: string, reason: string) {
    const { b, side } = await findVisibleBooking(this.deps.db, auth, id, 'manage_all_bookings');
    assertMay('cancel', b, side, auth.permissions, this.now());
    const now = this.now();
    const by: Canceller = side;
    const { percent, feeCents } = cancellationTerms(b.priceCents, by, b.startsAt.getTime() - now.getTime());
    const done = await this.deps.db.transaction(async (tx) => {
      const r = await repo.transitionBooking(tx, b.id, 'cancelled', {
        cancellationFeeCents: feeCents,
        cancelledBy: by,
        cancellationReason: reason,
        cancelledAt: now,
      });
      if (!r) return undefined;
      await closeOpenProposal(tx, b.id, 'void', now);
      await repo.recordHistory(tx, b.id, 'cancelled', auth.user.id, { by, percent });
      return {
        row: r,
        people: await notifyParticipants(tx, this.deps.mailer, 'cancelled', r, this.deps.clock),
      };
    });
    if (!done) throw unprocessable('NOT_CANCELLABLE', 'This lesson is no longer confirmed.');
    await afterBookingCommit(this.deps.mailer, this.availability, done.row.instructorId);
    return answerOf(done.row, done.people, side, auth, this.now());
  }

  async reschedule(auth: AuthContext, id: string, input: RescheduleInput, claim?: RescheduleClaim) {
    const { b, side } = await findVisibleBooking(this.deps.db, auth, id, 'manage_all_bookings');
    assertMay('reschedule', b, side, auth.permissions, this.now());
    const offering = await repo.findOfferingForBooking(this.deps.db, b.instructorServiceId);
    if (!offering || !offering.active || offering.instructorStatus !== 'active') {
      throw unprocessable(
        'INSTRUCTOR_UNAVAILABLE',
        'This instructor is not taking bookings for this service.',
      );
    }
    const minutes = input.durationMinutes ?? b.durationMinutes;
    if (!offering.durations.includes(minutes)) {
      throw unprocessable('DURATION_NOT_ALLOWED', `Choose one of ${offering.durations.join(', ')} minutes.`, {
        allowed: offering.durations,
      });
    }
    const startsAt = startInstant(input, b.instructorTimezone);
    await assertBookable(this.availability, this.deps.clock, {
      instructorId: b.instructorId,
      zone: b.instructorTimezone,
      startsAt,
      minutes,
      excludeBookingId: b.id,
    });
    let done: { row: BookingRow; people: Participants };
    try {
      // Old time released, new one taken and both people told in one transaction: all or nothing.
      done = await this.deps.db.transaction(async (tx) => {
        if (claim && !(await claim(tx))) throw proposalGone();
        // Any other open proposal was for the old time: a move ends it.
        await closeOpenProposal(tx, b.id, 'void', this.now());
        const r = await repo.moveBooking(
          tx,
          b,
          startsAt,
          repo.addMinutes(startsAt, minutes),
          minutes,
          lessonPriceCents(b.hourlyRateCents, minutes),
        );
        await repo.recordHistory(tx, b.id, 'rescheduled', auth.user.id, {
          from: { startsAt: b.startsAt.toISOString(), durationMinutes: b.durationMinutes },
          to: { startsAt: startsAt.toISOString(), durationMinutes: minutes },
        });
        return {
          row: r,
          people: await notifyParticipants(tx, this.deps.mailer, 'rescheduled', r, this.deps.clock),
        };
      });
    } catch (err) {
      if (isOverlapRefusal(err)) throw bookingConflict();
      throw err;
    }
    await afterBookingCommit(this.deps.mailer, this.availability, done.row.instructorId);
    return answerOf(done.row, done.people, side, auth, this.now());
  }

  /** Instructor (or admin) marks the outcome: completed after the end, no-show after the start. */
  async markOutcome(auth: AuthContext, id: string, outcome: 'completed' | 'no_show') {
    const { b, side } = await findVisibleBooking(this.deps.db, auth, id, 'manage_all_bookings');
    assertMay(outcome === 'completed' ? 'complete' : 'no_show', b, side, auth.permissions, this.now());
    const now = this.now();
    const row = await this.deps.db.transaction(async (tx) => {
      const r = await repo.transitionBooking(
        tx,
        b.id,
        outcome,
        outcome === 'completed' ? { completedAt: now } : {},
      );
      if (r) await repo.recordHistory(tx, b.id, outcome, auth.user.id, {});
      return r;
    });
    if (!row) throw new AppError(422, 'INVALID_TRANSITION', 'This lesson is no longer confirmed.');
    // No email for an outcome, so only the instructor's free time is refreshed.
    await this.availability.invalidate(row.instructorId);
    return loadAnswer(this.deps.db, row, side, auth, this.now());
  }

  /** A deactivated account's future lessons are cancelled without fee and the other side told. */
  async cancelFutureLessonsOf(userId: string, reason: string) {
    const now = this.now();
    for (const b of await upcomingLessonsOf(this.deps.db, userId, now))
      await this.cancelBySystem(b, reason, now);
  }

  /**
   * The same cancellation inside the caller's transaction (an account erasure: the lessons, the
   * notices to the other people and the erasure commit together). Call `afterSystemCancellations`
   * with the answer once it has committed.
   */
  async cancelFutureLessonsWithin(tx: Db, userId: string, reason: string): Promise<BookingRow[]> {
    const now = this.now();
    const done: BookingRow[] = [];
    for (const b of await upcomingLessonsOf(tx, userId, now)) {
      if (b.startsAt <= now) continue;
      const r = await repo.transitionBooking(tx, b.id, 'cancelled', {
        cancellationFeeCents: 0,
        cancelledBy: 'system',
        cancellationReason: reason,
        cancelledAt: now,
      });
      if (!r) continue;
      await closeOpenProposal(tx, b.id, 'void', now);
      await notifyParticipants(tx, this.deps.mailer, 'cancelled', r, this.deps.clock);
      done.push(r);
    }
    return done;
  }

  async afterSystemCancellations(rows: BookingRow[]) {
    for (const id of new Set(rows.map((r) => r.instructorId)))
      await afterBookingCommit(this.deps.mailer, this.availability, id);
  }

  private async cancelBySystem(b: BookingRow, reason: string, now: Date) {
    if (b.startsAt <= now) return;
    const row = await this.deps.db.transaction(async (tx) => {
      const r = await repo.transitionBooking(tx, b.id, 'cancelled', {
        cancellationFeeCents: 0,
        cancelledBy: 'system',
        cancellationReason: reason,
        cancelledAt: now,
      });
      if (r) {
        await closeOpenProposal(tx, b.id, 'void', now);
        await notifyParticipants(tx, this.deps.mailer, 'cancelled', r, this.deps.clock);
      }
      return r;
    });
    if (row) await afterBookingCommit(this.deps.mailer, this.availability, row.instructorId);
  }
}

/** Every upcoming lesson of a person, as student and as instructor. */
async function upcomingLessonsOf(db: Db, userId: string, now: Date): Promise<BookingRow[]> {
  const lessons: BookingRow[] = [];
  for (const as of ['student', 'instructor'] as const) {
    const { rows } = await repo.listBookings(db, {
      userId,
      as,
      scope: 'upcoming',
      now,
      limit: 10_000,
      offset: 0,
    });
    lessons.push(...rows);
  }
  return lessons;
}
