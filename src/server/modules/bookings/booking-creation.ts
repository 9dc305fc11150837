import { lessonPriceCents } from '../../../contracts/money.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import { notFound, unprocessable } from '../../platform/http/errors.js';
import type { CompleteKey } from '../../platform/idempotency/idempotent-request.js';
import { runIdempotent } from '../../platform/idempotency/idempotent-request.js';
import { isUuid } from '../../platform/ids.js';
import { PerUserLimit } from '../../platform/limits/per-user-limit.js';
import type { AvailabilityService } from '../availability/availability.service.js';
import { withActions } from './booking-answers.js';
import { afterBookingCommit, notifyParticipants } from './booking-notifications.js';
import type { BookingView } from './booking-row-view.js';
import { bookingView } from './booking-row-view.js';
import type { Participant, Participants } from './bookings.repo.js';
import * as repo from './bookings.repo.js';
import type { CreateBookingInput } from '../../../contracts/bookings.js';
import { assertBookable, bookingConflict, isOverlapRefusal, startInstant } from './requested-time.js';

/** Idempotency-Keys are scoped to the user and this route. */
const IDEMPOTENCY_ROUTE = 'POST /bookings';

/** Booking a lesson: POST /bookings, under its Idempotency-Key and the per-user booking limit. */
/** Another module's reason a student may not book an instructor (messaging: a block). */
export type BookingRefusal = (studentId: string, instructorId: string) => Promise<boolean>;

export class BookingCreation {
  private readonly limit: PerUserLimit;
  private readonly refusals: BookingRefusal[] = [];

  constructor(
    private readonly deps: AppDeps,
    private readonly availability: AvailabilityService,
  ) {
    this.limit = new PerUserLimit(
      { action: 'booking-create', perMinute: deps.config.bookingsPerUserPerMin },
      deps,
    );
  }

  refuseWhen(refusal: BookingRefusal): void {
    this.refusals.push(refusal);
  }

  private async refusedByOthers(studentId: string, instructorId: string): Promise<boolean> {
    for (const refusal of this.refusals) if (await refusal(studentId, instructorId)) return true;
    return false;
  }

  private now() {
    return this.deps.clock.now();
  }

  async create(auth: AuthContext, input: CreateBookingInput, idempotencyKey: string | undefined) {
    const result = await runIdempotent(
      this.deps.db,
      { userId: auth.user.id, route: IDEMPOTENCY_ROUTE, key: idempotencyKey, body: input, now: this.now() },
      async (complete) => {
        // Inside the claim: a replayed answer costs the client none of its booking budget.
        await this.limit.consume(auth.user.id);
        return { status: 201, body: await this.createNow(auth, input, complete) };
      },
    );
    return { ...result, body: withActions(result.body, 'student', auth, this.now()) };
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
    // Answered like an inactive instructor, so a block is not revealed to the blocked student.
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
    const startsAt = startInstant(input, offering.timezone);
    const endsAt = repo.addMinutes(startsAt, input.durationMinutes);
    await assertBookable(this.availability, this.deps.clock, {
      instructorId: offering.instructorId,
      zone: offering.timezone,
      startsAt,
      minutes: input.durationMinutes,
    });

    const people: Participants = new Map<string, Participant>([
      [auth.user.id, auth.user],
      [
        offering.instructorId,
        {
          fullName: offering.instructorName,
          email: offering.instructorEmail,
          timezone: offering.instructorUserTimezone,
          photoKey: offering.instructorPhotoKey,
          address: offering.instructorAddress,
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
        await notifyParticipants(tx, this.deps.mailer, 'confirmed', row, this.deps.clock, people);
        const v = bookingView(row, people);
        await complete(tx, { status: 201, body: v });
        return v;
      });
    } catch (err) {
      if (isOverlapRefusal(err)) throw bookingConflict();
      throw err;
    }
    await afterBookingCommit(this.deps.mailer, this.availability, offering.instructorId);
    return view;
  }
}
