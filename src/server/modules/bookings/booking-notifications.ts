import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { addressOf } from '../../platform/mail/mailer.js';
import { formatMoney, renderEmail } from '../../platform/mail/email-layout.js';
import { zoneAbbreviation } from '../../platform/time-zone.js';
import { buildIcs } from './ics.js';
import { wantingEmail } from '../accounts/email-preferences.repo.js';
import { listUnsubscribeHeaders } from '../accounts/unsubscribe.js';
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

/** Where a lesson's links point and who sends its invitations (the Mailer carries both). */
export interface MailSite {
  from: string;
  publicUrl: string;
}

export const lessonUrl = (site: MailSite, bookingId: string) =>
  new URL(`/lessons/${bookingId}`, site.publicUrl).toString();

/** Where the lesson happens, for the calendar's LOCATION (the booked student may know it). */
function locationOf(b: BookingRow, instructor: Participant): string {
  if (b.locationType === 'student_place') return b.studentAddress ?? 'At the student’s place';
  if (b.locationType === 'instructor_place') return instructor.address ?? 'At the instructor’s place';
  return 'Online';
}

/**
 * The lesson's calendar file, the same for the emails (`REQUEST`, `CANCEL` once cancelled) and the
 * download (`PUBLISH`): one UID, and the SEQUENCE stored on the booking.
 */
export function bookingIcs(
  b: BookingRow,
  people: { student: Participant; instructor: Participant },
  site: MailSite,
  now: Date,
  method: 'REQUEST' | 'PUBLISH',
  /**
   * Whose copy this is: the ATTENDEE is the person it goes to, so mail clients match the
   * invitation to their mailbox and nobody's address travels to the other person in a file.
   */
  recipient: Participant,
): string {
  const { instructor } = people;
  return buildIcs({
    uid: b.id,
    domain: new URL(site.publicUrl).hostname,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    summary: `${b.serviceName} lesson with ${instructor.fullName}`,
    description: [
      `${b.durationMinutes}-minute ${b.serviceName} lesson booked on InstaInstru.`,
      b.note ? `Note: ${b.note}` : undefined,
      lessonUrl(site, b.id),
    ]
      .filter(Boolean)
      .join('\n\n'),
    location: locationOf(b, instructor),
    url: lessonUrl(site, b.id),
    status: b.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    sequence: b.calendarSequence,
    // The platform sends the invitation on the instructor's behalf: their name, our address.
    organizer: { name: instructor.fullName, email: addressOf(site.from) },
    attendee: { name: recipient.fullName, email: recipient.email },
    method,
    now,
  });
}

/**
 * Emails both people in the lesson, each in their own time zone, as text + HTML from one layout,
 * with the calendar invitation attached. Written to the outbox within `tx`, the transaction of
 * the change itself; never sent inline.
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
  // Every one of these emails carries the lesson's calendar file: a reminder repeats the invitation.
  const icsFor = (recipient: Participant) => [
    {
      filename: event === 'cancelled' ? 'cancel.ics' : 'invite.ics',
      contentType: `text/calendar; charset=utf-8; method=${event === 'cancelled' ? 'CANCEL' : 'REQUEST'}`,
      content: bookingIcs(b, { student, instructor }, mailer, now, 'REQUEST', recipient),
    },
  ];
  const message = (me: Participant, other: Participant, role: 'student' | 'instructor') => {
    const withWhom = role === 'student' ? `with ${other.fullName}` : `for ${other.fullName}`;
    const head: Record<BookingEvent, string> = {
      confirmed: `Your ${b.durationMinutes}-minute ${b.serviceName} lesson ${withWhom} is booked for ${when(b, me.timezone)}.`,
      cancelled: `The ${b.serviceName} lesson ${withWhom} on ${when(b, me.timezone)} was cancelled by the ${b.cancelledBy}.`,
      rescheduled: `The ${b.serviceName} lesson ${withWhom} has moved to ${when(b, me.timezone)}.`,
      reminder: `Reminder: your ${b.serviceName} lesson ${withWhom} is on ${when(b, me.timezone)}.`,
    };
    return renderEmail({
      greeting: `Hi ${me.fullName},`,
      paragraphs: [
        head[event],
        event === 'cancelled' && b.cancellationReason ? `Reason: ${b.cancellationReason}` : undefined,
        `Price: ${formatMoney(b.priceCents)}.`,
        event === 'cancelled' && b.cancellationFeeCents
          ? `Cancellation fee recorded: ${formatMoney(b.cancellationFeeCents)}.`
          : undefined,
        event !== 'cancelled' ? 'The attached calendar file adds the lesson to your calendar.' : undefined,
      ],
      footer:
        event === 'reminder'
          ? 'Turn lesson reminders off under Email preferences on your account page.'
          : undefined,
      action: { label: 'View the lesson', url: lessonUrl(mailer, b.id) },
    });
  };
  const emailTo = (me: Participant, other: Participant, role: 'student' | 'instructor') => {
    const id = role === 'student' ? b.studentId : b.instructorId;
    return {
      to: me.email,
      subject: SUBJECT[event](b),
      ...message(me, other, role),
      template: `booking_${event}`,
      attachments: icsFor(me),
      // Only the reminder is optional; confirmations and changes always go, without the header.
      ...(event === 'reminder' ? { headers: listUnsubscribeHeaders(mailer, id, 'lessonReminders') } : {}),
    };
  };
  const wanted =
    event === 'reminder'
      ? await wantingEmail(tx, [b.studentId, b.instructorId], 'lessonReminders')
      : new Set([b.studentId, b.instructorId]);
  await mailer.queue(
    tx,
    ...[
      wanted.has(b.studentId) ? emailTo(student, instructor, 'student') : undefined,
      wanted.has(b.instructorId) ? emailTo(instructor, student, 'instructor') : undefined,
    ].filter((e) => e !== undefined),
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
