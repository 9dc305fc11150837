import { DateTime } from 'luxon';
import type { ProposalStatus, ProposeTimeInput, TimeProposal } from '../../../contracts/bookings.js';
import { RESCHEDULE_MIN_HOURS } from '../../../contracts/money.js';
import { dbRefusalOf } from '../../db/pg-errors.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, conflict, forbidden, unprocessable } from '../../platform/http/errors.js';
import { renderEmail } from '../../platform/mail/email-layout.js';
import { zoneAbbreviation } from '../../platform/time-zone.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import { instantToLocal } from '../availability/local-time.js';
import type { Viewer } from './booking-access.js';
import { findVisibleBooking } from './booking-access.js';
import type { BookingLifecycle } from './booking-lifecycle.js';
import { lessonUrl } from './booking-notifications.js';
import type { BookingRow } from './bookings.repo.js';
import { addMinutes, namesOf } from './bookings.repo.js';
import { assertBookable, startInstant } from './requested-time.js';
import type { ProposalRow } from './time-proposals.repo.js';
import * as repo from './time-proposals.repo.js';

/**
 * Pure: what a proposal is now. An open one expires once its own time or the lesson's start
 * has come (decision 0036); it is stored as expired the next time someone acts on it.
 */
export function proposalStatusAt(p: ProposalRow, lessonStartsAt: Date, now: Date): ProposalStatus {
  if (p.status !== 'open') return p.status as ProposalStatus;
  return p.startsAt <= now || lessonStartsAt <= now ? 'expired' : 'open';
}

/** Whether a lesson can still be offered another time: confirmed and far enough ahead to be moved. */
function refusalToPropose(b: BookingRow, now: Date): AppError | null {
  if (b.status !== 'confirmed')
    return unprocessable('NOT_RESCHEDULABLE', `A ${b.status} lesson cannot be moved.`);
  if (b.startsAt.getTime() - now.getTime() < RESCHEDULE_MIN_HOURS * 3_600_000)
    return unprocessable(
      'RESCHEDULE_TOO_LATE',
      `Lessons can be moved until ${RESCHEDULE_MIN_HOURS} hours before they start.`,
    );
  return null;
}

const onlySide = (side: Viewer, want: 'student' | 'instructor') => {
  if (side !== want)
    throw forbidden(
      want === 'instructor' ? 'INSTRUCTOR_ONLY' : 'STUDENT_ONLY',
      want === 'instructor'
        ? 'Only the lesson’s instructor can propose or withdraw a new time.'
        : 'Only the lesson’s student can accept or decline a new time.',
    );
};

const expiredProposal = (why: string) =>
  conflict('PROPOSAL_EXPIRED', `${why} The proposal has expired; the lesson keeps its time.`);

/**
 * "Propose a new time": the instructor offers another start for a confirmed lesson; the student
 * accepts (the lesson moves through the reschedule path, so every booking rule and the overlap
 * constraint hold) or declines. One open proposal per lesson (a unique partial index).
 */
export class TimeProposals {
  constructor(
    private readonly deps: AppDeps,
    private readonly availability: AvailabilityService,
    private readonly lifecycle: BookingLifecycle,
  ) {}

  private now() {
    return this.deps.clock.now();
  }

  private view(p: ProposalRow, b: BookingRow): TimeProposal {
    const local = instantToLocal(p.startsAt, b.instructorTimezone);
    return {
      id: p.id,
      bookingId: p.bookingId,
      status: proposalStatusAt(p, b.startsAt, this.now()),
      startsAt: p.startsAt.toISOString(),
      endsAt: addMinutes(p.startsAt, p.durationMinutes).toISOString(),
      date: local.date,
      startTime: local.time,
      durationMinutes: p.durationMinutes,
      createdAt: p.createdAt.toISOString(),
      decidedAt: p.decidedAt?.toISOString() ?? null,
    };
  }

  async latest(auth: AuthContext, bookingId: string) {
    const { b } = await findVisibleBooking(this.deps.db, auth, bookingId);
    const p = await repo.latestProposal(this.deps.db, b.id);
    return { proposal: p ? this.view(p, b) : null };
  }

  async propose(auth: AuthContext, bookingId: string, input: ProposeTimeInput) {
    const { b, side } = await findVisibleBooking(this.deps.db, auth, bookingId, 'manage_all_bookings');
    onlySide(side, 'instructor');
    const now = this.now();
    const refusal = refusalToPropose(b, now);
    if (refusal) throw refusal;
    const startsAt = startInstant(input, b.instructorTimezone);
    if (startsAt.getTime() === b.startsAt.getTime())
      throw unprocessable('SAME_TIME', 'That is the lesson’s time already; pick another.');
    // The instructor must be free for the whole lesson then, by the rules a reschedule applies.
    await assertBookable(this.availability, this.deps.clock, {
      instructorId: b.instructorId,
      zone: b.instructorTimezone,
      startsAt,
      minutes: b.durationMinutes,
      excludeBookingId: b.id,
    });
    let row: ProposalRow;
    try {
      row = await this.deps.db.transaction(async (tx) => {
        await repo.closeOpenProposal(tx, b.id, 'replaced', now);
        const p = await repo.insertProposal(tx, {
          bookingId: b.id,
          proposedBy: auth.user.id,
          startsAt,
          durationMinutes: b.durationMinutes,
        });
        await this.emailStudent(tx, b, p);
        return p;
      });
    } catch (err) {
      // Two proposals at once for one lesson: the unique index keeps one.
      if (dbRefusalOf(err) === 'unique_violation')
        throw conflict('PROPOSAL_CONFLICT', 'Another proposal for this lesson was just made; reload.');
      throw err;
    }
    this.deps.mailer.committed();
    return this.view(row, b);
  }

  async withdraw(auth: AuthContext, bookingId: string) {
    const { b, side } = await findVisibleBooking(this.deps.db, auth, bookingId, 'manage_all_bookings');
    onlySide(side, 'instructor');
    const row = await repo.closeOpenProposal(this.deps.db, b.id, 'withdrawn', this.now());
    if (!row) throw conflict('PROPOSAL_GONE', 'There is no open proposal for this lesson.');
    return this.view(row, b);
  }

  async decline(auth: AuthContext, bookingId: string, proposalId: string) {
    const { b, side } = await findVisibleBooking(this.deps.db, auth, bookingId, 'manage_all_bookings');
    onlySide(side, 'student');
    const p = await this.openOne(b, proposalId);
    const row = await repo.decideProposal(this.deps.db, p.id, 'declined', this.now());
    if (!row) throw conflict('PROPOSAL_GONE', 'This proposal is no longer open; reload the lesson.');
    return this.view(row, b);
  }

  /** Moves the lesson to the proposed time, once, atomically with closing the proposal. */
  async accept(auth: AuthContext, bookingId: string, proposalId: string) {
    const { b, side } = await findVisibleBooking(this.deps.db, auth, bookingId, 'manage_all_bookings');
    onlySide(side, 'student');
    const p = await this.openOne(b, proposalId);
    try {
      return await this.lifecycle.reschedule(
        auth,
        b.id,
        { startsAt: p.startsAt.toISOString(), durationMinutes: p.durationMinutes },
        async (tx) => !!(await repo.decideProposal(tx, p.id, 'accepted', this.now())),
      );
    } catch (err) {
      // Another accept of this proposal won, or it was withdrawn meanwhile: nothing more to do.
      if (err instanceof AppError && err.code === 'PROPOSAL_GONE') throw err;
      // The time is no longer free (taken, closed, too soon): this proposal can never be accepted.
      if (err instanceof AppError && (err.statusCode === 409 || err.statusCode === 422)) {
        await repo.decideProposal(this.deps.db, p.id, 'expired', this.now());
        throw expiredProposal(err.message);
      }
      throw err;
    }
  }

  /** The lesson's open proposal, if it is `proposalId` and has not expired (then it is stored as expired). */
  private async openOne(b: BookingRow, proposalId: string): Promise<ProposalRow> {
    const p = await repo.openProposal(this.deps.db, b.id);
    if (!p || p.id !== proposalId)
      throw conflict('PROPOSAL_GONE', 'This proposal is no longer open; reload the lesson.');
    if (proposalStatusAt(p, b.startsAt, this.now()) === 'expired') {
      await repo.decideProposal(this.deps.db, p.id, 'expired', this.now());
      throw expiredProposal('That time, or the lesson, has already started.');
    }
    return p;
  }

  private async emailStudent(tx: Parameters<typeof repo.insertProposal>[0], b: BookingRow, p: ProposalRow) {
    const people = await namesOf(tx, [b.studentId, b.instructorId]);
    const student = people.get(b.studentId)!;
    const instructor = people.get(b.instructorId)!;
    const when = (d: Date) =>
      `${DateTime.fromJSDate(d, { zone: student.timezone }).toFormat("cccc d LLLL yyyy 'at' h:mm a")} ${zoneAbbreviation(d, student.timezone)}`;
    const mailer = this.deps.mailer;
    await mailer.queue(tx, {
      to: student.email,
      subject: `New time proposed: ${b.serviceName} lesson`,
      template: 'booking_time_proposed',
      ...renderEmail({
        greeting: `Hi ${student.fullName},`,
        paragraphs: [
          `${instructor.fullName} proposes to move your ${b.serviceName} lesson from ${when(b.startsAt)} to ${when(p.startsAt)}.`,
          'Accept it and the lesson moves; decline it and the lesson keeps its time.',
        ],
        action: { label: 'Answer the proposal', url: lessonUrl(mailer, b.id) },
      }),
    });
  }
}
