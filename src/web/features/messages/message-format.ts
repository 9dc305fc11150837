import { DateTime } from 'luxon';

/** When a message was sent, as short as it can be read: "4:05 PM" today, "Mon, Nov 23, 4:05 PM" before. */
export function messageTime(iso: string, zone: string, now: Date = new Date()): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  const today = DateTime.fromJSDate(now).setZone(zone);
  if (at.hasSame(today, 'day')) return at.toFormat('h:mm a');
  return at.hasSame(today, 'year') ? at.toFormat('ccc, LLL d, h:mm a') : at.toFormat('LLL d, yyyy, h:mm a');
}

/** "usually replies within 2 hours": the instructor's median first reply, rounded up as promised. */
export function replyTimeLabel(minutes: number): string {
  if (minutes <= 60) return 'Usually replies within an hour';
  const hours = Math.ceil(minutes / 60);
  if (hours < 24) return `Usually replies within ${hours} hours`;
  const days = Math.ceil(minutes / 1440);
  return days === 1 ? 'Usually replies within a day' : `Usually replies within ${days} days`;
}

/** What a screen reader says when a message arrives: who, and the start of what they wrote. */
export function arrivalAnnouncement(name: string | null, body: string | null): string {
  const who = name ? `New message from ${name}` : 'New message';
  if (!body) return who;
  const text = body.replace(/\s+/g, ' ').trim();
  return `${who}: ${text.length > 140 ? `${text.slice(0, 140)}…` : text}`;
}
