import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';

/** A lesson as one iCalendar event (UTC times, so any calendar app places it right). */
export interface IcsEvent {
  /** The booking id; the domain is added here, so the UID is globally unique (RFC 5545 §3.8.4.7). */
  uid: string;
  /** Host of PUBLIC_URL, e.g. instainstru.example. */
  domain: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Raised on every reschedule and cancellation; stored on the booking. */
  sequence: number;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /**
   * REQUEST for an email invitation (CANCEL once cancelled, RFC 5546 §3.2); PUBLISH for a file
   * the user downloads and imports, which must not look like an invitation awaiting a reply.
   */
  method: 'REQUEST' | 'PUBLISH';
  now: Date;
}

/** The iTIP method the file carries: what an email's `text/calendar; method=...` must repeat. */
export const icsMethodOf = (e: Pick<IcsEvent, 'method' | 'status'>): 'REQUEST' | 'CANCEL' | 'PUBLISH' =>
  e.method === 'REQUEST' && e.status === 'CANCELLED' ? 'CANCEL' : e.method;

/**
 * Built with ical-generator, which escapes text and folds lines at 75 octets without splitting a
 * UTF-8 character (the hand-written folder cut emoji in half).
 */
export function buildIcs(e: IcsEvent): string {
  const cal = ical({
    prodId: { company: 'InstaInstru', product: 'Lessons', language: 'EN' },
    method: ICalCalendarMethod[icsMethodOf(e)],
  });
  cal.createEvent({
    id: `${e.uid}@${e.domain}`,
    sequence: e.sequence,
    stamp: e.now,
    start: e.startsAt,
    end: e.endsAt,
    timezone: null,
    summary: e.summary,
    description: e.description,
    location: e.location ?? null,
    url: e.url ?? null,
    status: e.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: e.organizer,
    attendees: [
      {
        name: e.attendee.name,
        email: e.attendee.email,
        role: ICalAttendeeRole.REQ,
        // The student booked it: no reply is asked for (replies would go to a no-reply address).
        status: ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return cal.toString() + '\r\n';
}
