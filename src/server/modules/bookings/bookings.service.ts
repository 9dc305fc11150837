import { requirePermission } from '../../platform/access/require-permission.js';
import { DEFAULT_TIME_ZONE } from '../../../contracts/time-zone.js';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { sideOf } from '../../platform/access/ownership.js';
import type { AppDeps } from '../../platform/deps.js';
import { AppError, conflict, notFound, unprocessable } from '../../platform/http/errors.js';
import { offsetOf } from '../../platform/http/pagination.js';
import { isUuid } from '../../platform/ids.js';
import { Limiter } from '../../platform/limits/limiter.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import { isBookable } from '../availability/bookable-time.js';
import { addDays, instantToLocal, localToInstant } from '../availability/local-time.js';
import type { BookingEvent } from './booking-notifications.js';
import { bookingIcs, notifyBookingParticipants } from './booking-notifications.js';
import type { BookingView, Viewer } from './booking-view.js';
import { bookingView } from './booking-view.js';
import { allowedActions, refusalOf } from './booking-actions.js';
import type { BookingAction } from '../../../contracts/bookings.js';
import type { CreateBookingInput, RescheduleInput } from './bookings.schema.js';
import type { BookingRow } from './bookings.repo.js';
import * as repo from './bookings.repo.js';
import type { CompleteKey } from './idempotency.js';
import { runIdempotent } from './idempotency.js';
import type { Canceller } from '../../../contracts/money.js';
import { cancellationQuote, cancellationTerms, lessonPriceCents } from '../../../contracts/money.js';

const sqlState = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
};
// 23P01: the exclusion constraint refused an overlap. 40P01 (deadlock) can only come from
// two lessons racing for the same time, so it is the same answer.
const isExclusionViolation = (err: unknown): boolean => ['23P01', '40P01'].includes(sqlState(err) ?? '');
const bookingConflict = () =>
  conflict(
    'BOOKING_CONFLICT',
    'That time overlaps another lesson (of the instructor, buffer included, or of yours).',
  );

type People = Awaited<ReturnType<typeof repo.namesOf>>;
type Person = People extends Map<string, infer P> ? P : never;

const RULE_ERRORS: Record<string, [string, string]> = {
  IN_PAST: ['IN_PAST', 'That time has already passed.'],
  MIN_NOTICE: ['MIN_NOTICE', 'That is sooner than this instructor’s minimum notice.'],
  TOO_FAR_AHEAD: ['TOO_FAR_AHEAD', 'That is further ahead than this instructor takes bookings.'],
  BLACKOUT: ['BLACKOUT', 'The instructor is not available that day.'],
  NOT_ON_GRID: ['NOT_ON_GRID', 'Lessons start on the quarter hour.'],
  OUTSIDE_AVAILABILITY: ['OUTSIDE_AVAILABILITY', 'The instructor is not available for that whole lesson.'],
};

/** How many recent instructors GET /bookings/book-again offers. */
const BOOK_AGAIN_LIMIT = 6;

export class BookingsService {
  private readonly createLimiter: Limiter;
  private readonly bookingRefusals: ((studentId: string, instructorId: string) => Promise<boolean>)[] = [];

  constructor(
    private readonly deps: AppDeps,
    private readonly availability: AvailabilityService,
  ) {
    // Per user, never per IP: many students share one address.
    this.createLimiter = new Limiter(
      { name: 'booking-create', points: deps.config.bookingsPerUserPerMin, durationSeconds: 60 },
      deps.redis,
      deps.keyPrefix,
    );
  }

  private now() {
    return this.deps.clock.now();
  }

  /**
   * Another module's reason a student may not book an instructor (messaging: a block). It is
   * answered as INSTRUCTOR_UNAVAILABLE, so the reason is not revealed.
   */
  refuseBookingWhen(refusal: (studentId: string, instructorId: string) => Promise<boolean>): void {
    this.bookingRefusals.push(refusal);
  }

  private async refusedByOthers(studentId: string, instructorId: string): Promise<boolean> {
    for (const refusal of this.bookingRefusals) if (await refusal(studentId, instructorId)) return true;
    return false;
  }

  /** Which pairs have a lesson together in one of `statuses`, as "studentId:instructorId". */
  pairsWithLessons(
    pairs: { studentId: string; instructorId: string }[],
    statuses: readonly BookingRow['status'][],
  ) {
    return repo.pairsWithLessons(this.deps.db, pairs, statuses);
  }

  /** Resolves date + startTime (instructor's zone) or startsAt; a wall time that does not exist is 422. */
  private startInstant(input: { date?: string; startTime?: string; startsAt?: string }, zone: string): Date {
    if (input.startsAt) return new Date(input.startsAt);
    const [h, m] = input.startTime!.split(':').map(Number) as [number, number];
    let local;
    try {
      local = localToInstant(input.date!, h * 60 + m, zone);
    } catch {
      throw unprocessable('INVALID_DATE', 'That date does not exist.');
    }
    if (!local.exists)
      throw unprocessable('NONEXISTENT_LOCAL_TIME', 'That local time does not exist (the clocks change).');
    return local.instant;
  }

  /** Checks every rule of PRODUCT §5 that is not an overlap; overlaps are the database's job. */
  private async assertBookable(
    instructorId: string,
    zone: string,
    startsAt: Date,
    minutes: number,
    excludeBookingId?: string,
  ) {
    const date = instantToLocal(startsAt, zone).date;
    const schedule = await this.availability.schedule(instructorId, addDays(date, -1), addDays(date, 1), {
      excludeBookingId,
    });
    if (!schedule) throw unprocessable('INSTRUCTOR_UNAVAILABLE', 'This instructor is not taking bookings.');
    const check = isBookable({ ...schedule, now: this.now() }, startsAt, minutes);
    if (check.ok) return;
    if (check.reason === 'BOOKING_CONFLICT') throw bookingConflict();
    const [code, message] = RULE_ERRORS[check.reason]!;
    throw unprocessable(code, message);
  }

  async create(auth: AuthContext, input: CreateBookingInput, idempotencyKey: string | undefined) {
    const result = await runIdempotent(
      this.deps.db,
      { userId: auth.user.id, route: 'POST /bookings', key: idempotencyKey, body: input, now: this.now() },
      async (complete) => {
        // Inside the claim: a replayed answer costs the client none of its booking budget.
        await this.createLimiter.consume(auth.user.id);
        return { status: 201, body: await this.createNow(auth, input, complete) };
      },
    );
    return { ...result, body: this.withActions(result.body, 'student', auth) };
  }

  /** The view as `auth` on `side` sees it now: with the actions they may take. */
  private withActions<V extends BookingView>(view: V, side: Viewer, auth: AuthContext) {
    return { ...view, allowedActions: allowedActions(view, side, auth.permissions, this.now()) };
  }

  /** Throws why `side` may not do `action` now (404, 403 or 422): the rule allowedActions lists. */
  private assertMay(action: BookingAction, b: BookingRow, side: Viewer, auth: AuthContext) {
    const refusal = refusalOf(action, b, side, auth.permissions, this.now());
    if (refusal) throw refusal;
  }

  private async createNow(
    auth: AuthContext,
    input: CreateBookingInput,
    complete: CompleteKey,
  ): Promise<BookingView> {
    const offering = isUuid(input.instructorServiceId)
      ? await repo.findOfferingForBooking(this.deps.db, input.instructorServiceId)
      : undefined;
    if (!offering) throw notFound('Instructor service');
    if (offering.instructorId === auth.user.id)
      throw unprocessable('SELF_BOOKING', 'You cannot book your own lesson.');
    if (
      offering.instructorStatus !== 'active' ||
      (await this.refusedByOthers(auth.user.id, offering.instructorId))
    )
      throw unprocessable('INSTRUCTOR_UNAVAILABLE', 'This instructor is not taking bookings.');
    if (!offering.active)
      throw unprocessable('SERVICE_INACTIVE', 'This instructor no longer offers this service.');
    if (!offering.durations.includes(input.durationMinutes)) {
      throw unprocessable('DURATION_NOT_ALLOWED', `Choose one of ${offering.durations.join(', ')} minutes.`, {
        allowed: offering.durations,
      });
    }
    if (!offering.locationTypes.includes(input.locationType)) {
      throw unprocessable('LOCATION_NOT_OFFERED', 'This instructor does not teach there.', {
        allowed: offering.locationTypes,
      });
    }
    if (input.locationType === 'student_place' && !input.studentAddress) {
      throw unprocessable('ADDRESS_REQUIRED', 'Give the address for a lesson at your place.');
    }
    const startsAt = this.startInstant(input, offering.timezone);
    const endsAt = repo.addMinutes(startsAt, input.durationMinutes);
    await this.assertBookable(offering.instructorId, offering.timezone, startsAt, input.durationMinutes);

    const people: People = new Map<string, Person>([
      [auth.user.id, auth.user],
      [
        offering.instructorId,
        {
          fullName: offering.instructorName,
          email: offering.instructorEmail,
          timezone: offering.instructorUserTimezone,
        },
      ],
    ]);
    let view: BookingView;
    try {
      // The lesson, both emails and the Idempotency-Key's answer commit together or not at all.
      view = await this.deps.db.transaction(async (tx) => {
        const row = await repo.insertBooking(tx, {
          studentId: auth.user.id,
          instructorId: offering.instructorId,
          instructorServiceId: offering.id,
          serviceId: offering.serviceId,
          serviceName: offering.serviceName,
          serviceSlug: offering.serviceSlug,
          hourlyRateCents: offering.hourlyRateCents,
          priceCents: lessonPriceCents(offering.hourlyRateCents, input.durationMinutes),
          durationMinutes: input.durationMinutes,
          bufferMinutes: offering.bufferMinutes,
          startsAt,
          endsAt,
          instructorTimezone: offering.timezone,
          studentTimezone: auth.user.timezone,
          locationType: input.locationType,
          studentAddress: input.locationType === 'student_place' ? input.studentAddress : null,
          note: input.note ?? null,
          createdAt: this.now(),
        });
        await this.notify(tx, row, 'confirmed', people);
        const v = bookingView(row, people, 'student');
        await complete(tx, { status: 201, body: v });
        return v;
      });
    } catch (err) {
      if (isExclusionViolation(err)) throw bookingConflict();
      throw err;
    }
    await this.afterCommit(offering.instructorId);
    return view;
  }

  /** Queues both people's emails inside the change's own transaction (transactional outbox). */
  private async notify(tx: Db, b: BookingRow, event: BookingEvent, known?: People) {
    const people = known ?? (await repo.namesOf(tx, [b.studentId, b.instructorId]));
    await notifyBookingParticipants(
      tx,
      this.deps.mailer,
      event,
      b,
      people.get(b.studentId)!,
      people.get(b.instructorId)!,
      this.now(),
    );
    return people;
  }

  /** After a commit: the instructor's free time changed (the catalog did not), and mail is waiting. */
  private async afterCommit(instructorId: string) {
    this.deps.mailer.committed();
    await this.availability.invalidate(instructorId);
  }

  private async view(b: BookingRow, viewer: Viewer, auth: AuthContext) {
    const people = await repo.namesOf(this.deps.db, [b.studentId, b.instructorId]);
    return this.withActions(bookingView(b, people, viewer), viewer, auth);
  }

  /** The booking and which side of it the caller is on; 404 for anyone else. */
  private async visible(
    auth: AuthContext,
    id: string,
    adminPermission: 'view_all_bookings' | 'manage_all_bookings' = 'view_all_bookings',
  ) {
    const b = isUuid(id) ? await repo.findBooking(this.deps.db, id) : undefined;
    if (!b) throw notFound('Booking');
    const side = sideOf<'student' | 'instructor'>(
      auth,
      { student: b.studentId, instructor: b.instructorId },
      adminPermission,
      'Booking',
    );
    return { b, side };
  }

  /** Only here, not in lists: the fee is shown before the caller confirms a cancellation. */
  async get(auth: AuthContext, id: string) {
    const { b, side } = await this.visible(auth, id);
    return { ...(await this.view(b, side, auth)), cancellationQuote: cancellationQuote(b, side, this.now()) };
  }

  async calendar(auth: AuthContext, id: string) {
    const { b } = await this.visible(auth, id);
    const people = await repo.namesOf(this.deps.db, [b.instructorId]);
    return bookingIcs(b, people.get(b.instructorId)?.fullName ?? 'your instructor', this.now());
  }

  async cancel(auth: AuthContext, id: string, reason: string) {
    const { b, side } = await this.visible(auth, id, 'manage_all_bookings');
    this.assertMay('cancel', b, side, auth);
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
      await repo.recordHistory(tx, b.id, 'cancelled', auth.user.id, { by, percent });
      return { row: r, people: await this.notify(tx, r, 'cancelled') };
    });
    if (!done) throw unprocessable('NOT_CANCELLABLE', 'This lesson is no longer confirmed.');
    await this.afterCommit(done.row.instructorId);
    return this.withActions(bookingView(done.row, done.people, side), side, auth);
  }

  async reschedule(auth: AuthContext, id: string, input: RescheduleInput) {
    const { b, side } = await this.visible(auth, id, 'manage_all_bookings');
    this.assertMay('reschedule', b, side, auth);
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
    const startsAt = this.startInstant(input, b.instructorTimezone);
    await this.assertBookable(b.instructorId, b.instructorTimezone, startsAt, minutes, b.id);
    let done: { row: BookingRow; people: People };
    try {
      // Old time released, new one taken and both people told in one transaction: all or nothing.
      done = await this.deps.db.transaction(async (tx) => {
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
        return { row: r, people: await this.notify(tx, r, 'rescheduled') };
      });
    } catch (err) {
      if (isExclusionViolation(err)) throw bookingConflict();
      throw err;
    }
    await this.afterCommit(done.row.instructorId);
    return this.withActions(bookingView(done.row, done.people, side), side, auth);
  }

  /** Instructor (or admin) marks the outcome: completed after the end, no-show after the start. */
  async markOutcome(auth: AuthContext, id: string, outcome: 'completed' | 'no_show') {
    const { b, side } = await this.visible(auth, id, 'manage_all_bookings');
    this.assertMay(outcome === 'completed' ? 'complete' : 'no_show', b, side, auth);
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
    await this.availability.invalidate(row.instructorId);
    return this.view(row, side, auth);
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
    const items = rows.map((r) => this.withActions(bookingView(r, people, q.as), q.as, auth));
    return { items, total, page: q.page, perPage: q.perPage };
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
        instructor: { id: r.instructorId, name: people.get(r.instructorId)?.fullName ?? '' },
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

  /** For the account-status guard: an instructor with future lessons may not suspend or leave. */
  futureLessons(userId: string, role: 'student' | 'instructor') {
    return repo.futureConfirmedCount(this.deps.db, userId, role, this.now());
  }

  /** A deactivated account's future lessons are cancelled without fee and the other side told. */
  async cancelFutureLessonsOf(userId: string, reason: string) {
    const now = this.now();
    for (const as of ['student', 'instructor'] as const) {
      const { rows } = await repo.listBookings(this.deps.db, {
        userId,
        as,
        scope: 'upcoming',
        now,
        limit: 10_000,
        offset: 0,
      });
      for (const b of rows) await this.cancelBySystem(b, reason, now);
    }
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
      if (r) await this.notify(tx, r, 'cancelled');
      return r;
    });
    if (row) await this.afterCommit(row.instructorId);
  }
}
