import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import type { BookingRefusal } from './booking-creation.js';
import { BookingCreation } from './booking-creation.js';
import { BookingLifecycle } from './booking-lifecycle.js';
import { BookingQueries } from './booking-queries.js';
import { TimeProposals } from './time-proposals.js';
import type { CreateBookingInput, RescheduleInput } from '../../../contracts/bookings.js';
import type { Db } from '../../db/client.js';
import { findVisibleBooking } from './booking-access.js';
import type { BusyTime } from '../availability/busy-times.js';
import { busyRangesOf } from './bookings.repo.js';

/**
 * The bookings module as the routes and other modules see it: one object wired once
 * (services.ts) over creation, lifecycle and queries, which hold the use-cases.
 */
export class BookingsService {
  private readonly creation: BookingCreation;
  private readonly lifecycle: BookingLifecycle;
  private readonly queries: BookingQueries;
  /** Propose a new time (instructor), accept or decline it (student): decision 0036. */
  readonly proposals: TimeProposals;

  private readonly db: Db;

  constructor(deps: AppDeps, availability: AvailabilityService) {
    this.db = deps.db;
    this.creation = new BookingCreation(deps, availability);
    this.lifecycle = new BookingLifecycle(deps, availability);
    this.queries = new BookingQueries(deps);
    this.proposals = new TimeProposals(deps, availability, this.lifecycle);
  }

  create(auth: AuthContext, input: CreateBookingInput, idempotencyKey: string | undefined) {
    return this.creation.create(auth, input, idempotencyKey);
  }

  /** Another module's reason to refuse a booking, answered as INSTRUCTOR_UNAVAILABLE. */
  refuseBookingWhen(refusal: BookingRefusal): void {
    this.creation.refuseWhen(refusal);
  }

  cancel(auth: AuthContext, id: string, reason: string) {
    return this.lifecycle.cancel(auth, id, reason);
  }

  reschedule(auth: AuthContext, id: string, input: RescheduleInput) {
    return this.lifecycle.reschedule(auth, id, input);
  }

  markOutcome(auth: AuthContext, id: string, outcome: 'completed' | 'no_show') {
    return this.lifecycle.markOutcome(auth, id, outcome);
  }

  cancelFutureLessonsOf(userId: string, reason: string) {
    return this.lifecycle.cancelFutureLessonsOf(userId, reason);
  }

  /** Inside the caller's transaction; pass the answer to `afterSystemCancellations` after commit. */
  cancelFutureLessonsWithin(...args: Parameters<BookingLifecycle['cancelFutureLessonsWithin']>) {
    return this.lifecycle.cancelFutureLessonsWithin(...args);
  }

  afterSystemCancellations(...args: Parameters<BookingLifecycle['afterSystemCancellations']>) {
    return this.lifecycle.afterSystemCancellations(...args);
  }

  get(auth: AuthContext, id: string) {
    return this.queries.get(auth, id);
  }

  calendar(auth: AuthContext, id: string) {
    return this.queries.calendar(auth, id);
  }

  list(auth: AuthContext, q: Parameters<BookingQueries['list']>[1]) {
    return this.queries.list(auth, q);
  }

  schedule(auth: AuthContext, q: Parameters<BookingQueries['schedule']>[1]) {
    return this.queries.schedule(auth, q);
  }

  bookAgain(auth: AuthContext) {
    return this.queries.bookAgain(auth);
  }

  stats(auth: AuthContext) {
    return this.queries.stats(auth);
  }

  /** Where `userId` is already in a confirmed lesson, from `after` on (cancelled lessons free it). */
  busyTimes(userId: string, after: Date): Promise<BusyTime[]> {
    return busyRangesOf(this.db, userId, after);
  }

  futureLessonCount(userId: string, role: 'student' | 'instructor') {
    return this.queries.futureLessonCount(userId, role);
  }

  pairsWithLessons(...args: Parameters<BookingQueries['pairsWithLessons']>) {
    return this.queries.pairsWithLessons(...args);
  }

  offeringHasLessons(instructorServiceId: string) {
    return this.queries.offeringHasLessons(instructorServiceId);
  }

  /** A lesson and the caller's side of it (student, instructor or admin); 404 for anyone else. */
  lessonFor(auth: AuthContext, id: string) {
    return findVisibleBooking(this.db, auth, id);
  }
}
