import type {
  Booking,
  BookingCanceller,
  BookingStatus,
  LessonLocationType,
} from '../../../contracts/bookings.js';
import { photoUrlOf } from '../../../contracts/photo-limits.js';
import { instantToLocal } from '../availability/local-time.js';
import type { BookingRow } from './bookings.repo.js';

/**
 * A booking row shaped to the Booking contract: local times in the instructor's zone plus UTC
 * instants. What the viewer may do to it (`allowedActions`) depends on who asks and when, so it is
 * added to every answer (booking-answers.ts), also to a replayed one.
 */
export function bookingView(
  b: BookingRow,
  people: Map<string, { fullName: string; photoKey?: string | null }>,
): Omit<Booking, 'allowedActions'> {
  const person = (id: string) => {
    const p = people.get(id);
    return { id, name: p?.fullName ?? '', photoUrl: p?.photoKey ? photoUrlOf(p.photoKey) : null };
  };
  const start = instantToLocal(b.startsAt, b.instructorTimezone);
  const end = instantToLocal(b.endsAt, b.instructorTimezone);
  return {
    id: b.id,
    // Text columns holding fixed sets: the status by a CHECK constraint, the others by the code.
    status: b.status as BookingStatus,
    studentId: b.studentId,
    instructorId: b.instructorId,
    instructorServiceId: b.instructorServiceId,
    service: { id: b.serviceId, slug: b.serviceSlug, name: b.serviceName },
    // Full names only between the two people who share the lesson.
    instructor: person(b.instructorId),
    student: person(b.studentId),
    date: start.date,
    startTime: start.time,
    endTime: end.date === start.date ? end.time : '24:00',
    timezone: b.instructorTimezone,
    studentTimezone: b.studentTimezone,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    durationMinutes: b.durationMinutes,
    hourlyRateCents: b.hourlyRateCents,
    priceCents: b.priceCents,
    locationType: b.locationType as LessonLocationType,
    // Only the two participants and admins ever see a booking; the instructor needs the address.
    studentAddress: b.studentAddress,
    note: b.note,
    cancellationFeeCents: b.cancellationFeeCents,
    cancelledBy: b.cancelledBy as BookingCanceller | null,
    cancellationReason: b.cancellationReason,
    cancelledAt: b.cancelledAt?.toISOString() ?? null,
    completedAt: b.completedAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
  };
}

export type BookingView = ReturnType<typeof bookingView>;
