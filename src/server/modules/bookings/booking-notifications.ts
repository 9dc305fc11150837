import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { zoneAbbreviation } from '../../platform/time-zone.js';
import { buildIcs } from './ics.js';
import type { BookingRow, Participant, Participants } from './bookings.repo.js';
import { namesOf } from './bookings.repo.js';
import type { AvailabilityService } from '../availability/availability.service.js';

export type BookingEvent = 'confirmed' | 'cancelled' | 'rescheduled' | 'reminder';

const when = (b: BookingRow, zone: string) =>
  `${DateTime.fromJSDate(b.startsAt, { zone }).toFormat("cccc d LLLL yyyy 'at' h:mm a")} ${zoneAbbreviation(b.startsAt, zone)}`;

const SUBJECT: Record<BookingEvent, (b: BookingRow) => string> = {
  confirmed: (b) => `Booked: ${b.serviceName} lesson`,
  cancelled: (b) => `Cancelled: ${b.serviceName} lesson`,
  rescheduled: (b) => `Moved: ${b.serviceName} lesson`,
  reminder: (b) => `Tomorrow: ${b.serviceName} lesson`,
};

export function bookingIcs(b: BookingRow, instructorName: string, now: Date, sequence = 0): string {
  return buildIcs({
    uid: b.id,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    summary: `${b.serviceName} lesson with ${instructorName}`,
    description: `${b.durationMinutes}-minute ${b.serviceName} lesson booked on InstaInstru.`,
    location: b.locationType === 'online' ? 'Online' : undefined,
    status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence,
    now,
  });
}

/**
 * Emails both people in the lesson, each in their own time zone. Written to the outbox within
 * `tx`, the transaction of the change itself; never sent inline.
 */
async function notifyBookingParticipants(
  tx: Db,
  mailer: Mailer,
  event: BookingEvent,
  b: BookingRow,
  student: Participant,
  instructor: Participant,
  now: Date,
): Promise<void> {
  const money = (c: number) => `$${(c / 100).toFixed(2)}`;
  const ics =
    event === 'confirmed' || event === 'rescheduled' || event === 'cancelled'
      ? [
          {
            filename: 'lesson.ics',
            contentType: 'text/calendar',
            content: bookingIcs(b, instructor.fullName, now, event === 'confirmed' ? 0 : 1),
          },
        ]
      : undefined;
  const lines = (me: Participant, other: Participant, role: 'student' | 'instructor') => {
    const withWhom = role === 'student' ? `with ${other.fullName}` : `for ${other.fullName}`;
    const head: Record<BookingEvent, string> = {
      confirmed: `Your ${b.durationMinutes}-minute ${b.serviceName} lesson ${withWhom} is booked for ${when(b, me.timezone)}.`,
      cancelled: `The ${b.serviceName} lesson ${withWhom} on ${when(b, me.timezone)} was cancelled by the ${b.cancelledBy}.${b.cancellationReason ? ` Reason: ${b.cancellationReason}` : ''}`,
      rescheduled: `The ${b.serviceName} lesson ${withWhom} has moved to ${when(b, me.timezone)}.`,
      reminder: `Reminder: your ${b.serviceName} lesson ${withWhom} is on ${when(b, me.timezone)}.`,
    };
    const fee =
      event === 'cancelled' && b.cancellationFeeCents
        ? `\nCancellation fee recorded: ${money(b.cancellationFeeCents)}.`
        : '';
    return `Hi ${me.fullName},\n\n${head[event]}\nPrice: ${money(b.priceCents)}.${fee}\n\nInstaInstru\n`;
  };
  await mailer.queue(
    tx,
    {
      to: student.email,
      subject: SUBJECT[event](b),
      text: lines(student, instructor, 'student'),
      template: `booking_${event}`,
      attachments: ics,
    },
    {
      to: instructor.email,
      subject: SUBJECT[event](b),
      text: lines(instructor, student, 'instructor'),
      template: `booking_${event}`,
      attachments: ics,
    },
  );
}

/**
 * Queues both people's emails inside the change's own transaction (transactional outbox), reading
 * their names in it unless the caller knows them already. Returns the people, for the answer.
 */
export async function notifyParticipants(
  tx: Db,
  mailer: Mailer,
  event: BookingEvent,
  b: BookingRow,
  clock: Clock,
  known?: Participants,
): Promise<Participants> {
  const people = known ?? (await namesOf(tx, [b.studentId, b.instructorId]));
  await notifyBookingParticipants(
    tx,
    mailer,
    event,
    b,
    people.get(b.studentId)!,
    people.get(b.instructorId)!,
    clock.now(),
  );
  return people;
}

/** After a commit: mail is waiting in the outbox, and the instructor's free time changed (the catalog did not). */
export async function afterBookingCommit(
  mailer: Mailer,
  availability: AvailabilityService,
  instructorId: string,
): Promise<void> {
  mailer.committed();
  await availability.invalidate(instructorId);
}
