import { photoUrlOf } from '../../../contracts/photo-limits.js';
import { DateTime } from 'luxon';
import type { BookingStatus, ScheduleQuery } from '../../../contracts/bookings.js';
import { cancellationQuote } from '../../../contracts/money.js';
import { DEFAULT_TIME_ZONE } from '../../../contracts/time-zone.js';
import { requirePermission } from '../../platform/access/require-permission.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { findVisibleBooking } from './booking-access.js';
import { answerOf, loadAnswer } from './booking-answers.js';
import { bookingIcs } from './booking-notifications.js';
import * as repo from './bookings.repo.js';

/** How many recent instructors GET /bookings/book-again offers. */
const BOOK_AGAIN_LIMIT = 6;

/** Reading bookings: one (with its cancellation quote or as a calendar file), lists, stats. */
export class BookingQueries {
  constructor(private readonly deps: AppDeps) {}

  private now() {
    return this.deps.clock.now();
  }

  /** Only here, not in lists: the fee is shown before the caller confirms a cancellation. */
  async get(auth: AuthContext, id: string) {
    const { b, side } = await findVisibleBooking(this.deps.db, auth, id);
    return {
      ...(await loadAnswer(this.deps.db, b, side, auth, this.now())),
      cancellationQuote: cancellationQuote(b, side, this.now()),
    };
  }

  async calendar(auth: AuthContext, id: string) {
    const { b } = await findVisibleBooking(this.deps.db, auth, id);
    const people = await repo.namesOf(this.deps.db, [b.instructorId, b.studentId]);
    const student = people.get(b.studentId)!;
    // PUBLISH: a file to import, not an invitation; same UID and SEQUENCE as the emails.
    return bookingIcs(
      b,
      { student, instructor: people.get(b.instructorId)! },
      this.deps.mailer,
      this.now(),
      'PUBLISH',
      people.get(auth.user.id) ?? student,
    );
  }

  async list(
    auth: AuthContext,
    q: { as: 'student' | 'instructor'; scope: 'upcoming' | 'history'; page: number; perPage: number },
  ) {
    if (q.as === 'instructor') requirePermission(auth, 'view_incoming_bookings');
    const { rows, total } = await repo.listBookings(this.deps.db, {
      userId: auth.user.id,
      as: q.as,
      scope: q.scope,
      now: this.now(),
      limit: q.perPage,
      offset: offsetOf(q.page, q.perPage),
    });
    const people = await repo.namesOf(
      this.deps.db,
      rows.flatMap((r) => [r.studentId, r.instructorId]),
    );
    const items = rows.map((r) => answerOf(r, people, q.as, auth, this.now()));
    return { items, total, page: q.page, perPage: q.perPage };
  }

  /** The caller's lessons as instructor over `days` days from `from`, days in their own zone. */
  async schedule(auth: AuthContext, q: ScheduleQuery) {
    requirePermission(auth, 'view_incoming_bookings');
    const zone =
      (await repo.namesOf(this.deps.db, [auth.user.id])).get(auth.user.id)?.timezone ?? DEFAULT_TIME_ZONE;
    const start = DateTime.fromISO(q.from, { zone }).startOf('day');
    const end = start.plus({ days: q.days });
    const rows = await repo.instructorLessonsBetween(
      this.deps.db,
      auth.user.id,
      start.toJSDate(),
      end.toJSDate(),
    );
    const people = await repo.namesOf(
      this.deps.db,
      rows.flatMap((r) => [r.studentId, r.instructorId]),
    );
    return {
      from: q.from,
      to: end.toISODate()!,
      timezone: zone,
      items: rows.map((r) => answerOf(r, people, 'instructor', auth, this.now())),
    };
  }

  async bookAgain(auth: AuthContext) {
    const recent = await repo.recentInstructors(this.deps.db, auth.user.id, this.now(), BOOK_AGAIN_LIMIT);
    const people = await repo.namesOf(
      this.deps.db,
      recent.map((r) => r.instructorId),
    );
    const items = [];
    for (const r of recent) {
      const o = await repo.findOfferingForBooking(this.deps.db, r.instructorServiceId);
      if (!o) continue;
      items.push({
        instructor: {
          id: r.instructorId,
          name: people.get(r.instructorId)?.fullName ?? '',
          photoUrl: o.instructorPhotoKey ? photoUrlOf(o.instructorPhotoKey) : null,
        },
        instructorServiceId: o.id,
        service: { id: o.serviceId, slug: o.serviceSlug, name: o.serviceName },
        hourlyRateCents: o.hourlyRateCents,
        durations: o.durations,
        lastLessonAt: new Date(r.lastStartsAt).toISOString(),
      });
    }
    // One page of at most BOOK_AGAIN_LIMIT (perPage is the page size, so never 0 when none are left).
    return { items, total: items.length, page: 1, perPage: BOOK_AGAIN_LIMIT };
  }

  async stats(auth: AuthContext) {
    const zone =
      (await repo.namesOf(this.deps.db, [auth.user.id])).get(auth.user.id)?.timezone ?? DEFAULT_TIME_ZONE;
    const monthStart = DateTime.fromJSDate(this.now(), { zone }).startOf('month').toJSDate();
    return repo.instructorStats(this.deps.db, auth.user.id, this.now(), monthStart);
  }

  /**
   * How many confirmed lessons `userId` has ahead on `role`'s side: for other modules (an
   * instructor may not suspend or leave with lessons ahead), which must not read bookings' tables.
   */
  futureLessonCount(userId: string, role: 'student' | 'instructor') {
    return repo.futureConfirmedCount(this.deps.db, userId, role, this.now());
  }

  /** Which pairs have a lesson together in one of `statuses`, as "studentId:instructorId". */
  pairsWithLessons(pairs: { studentId: string; instructorId: string }[], statuses: readonly BookingStatus[]) {
    return repo.pairsWithLessons(this.deps.db, pairs, statuses);
  }

  /** Whether any lesson was ever booked on this offering (then it is retired, not deleted). */
  offeringHasLessons(instructorServiceId: string) {
    return repo.offeringHasLessons(this.deps.db, instructorServiceId);
  }
}
