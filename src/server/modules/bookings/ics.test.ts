import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { IcsEvent } from './ics.js';
import { buildIcs } from './ics.js';

const base: IcsEvent = {
  uid: 'b1',
  domain: 'instainstru.example',
  startsAt: new Date('2026-12-03T23:00:00Z'),
  endsAt: new Date('2026-12-04T00:00:00Z'),
  summary: 'Piano lesson with Ada L.',
  description: 'Bring your music; we start with scales.',
  status: 'CONFIRMED',
  sequence: 0,
  organizer: { name: 'Ada Lovelace', email: 'no-reply@instainstru.example' },
  attendee: { name: 'Bob Stone', email: 'bob@example.com' },
  method: 'REQUEST',
  now: new Date('2026-11-24T10:00:00Z'),
};

/** Parsed by ical.js, the parser Thunderbird uses: what a real client would read. */
function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  const vevent = cal.getFirstSubcomponent('vevent')!;
  return { cal, vevent, event: new ICAL.Event(vevent) };
}

describe('calendar file', () => {
  it('parses back with UTC start and end, a UID with a domain, organizer and attendee', () => {
    const ics = buildIcs(base);
    expect(ics.split('\r\n')[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.endsWith('\r\n')).toBe(true);
    const { cal, vevent, event } = parse(ics);
    expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe('b1@instainstru.example');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-12-04T00:00:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('UTC');
    expect(event.sequence).toBe(0);
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:no-reply@instainstru.example');
    expect(organizer.getParameter('cn')).toBe('Ada Lovelace');
    const [attendee] = event.attendees;
    expect(String(attendee!.getFirstValue()).toLowerCase()).toBe('mailto:bob@example.com');
    expect(attendee!.getParameter('cn')).toBe('Bob Stone');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('keeps commas, semicolons, backslashes and newlines in text through the parser', () => {
    const description = 'a,b;c\\d\nsecond line';
    const { event } = parse(buildIcs({ ...base, description, location: '1 Main St, Apt 2; NY' }));
    expect(event.description).toBe(description);
    expect(event.location).toBe('1 Main St, Apt 2; NY');
  });

  it('folds at 75 octets without splitting a UTF-8 character (40 emoji come back intact)', () => {
    const note = '🎹'.repeat(40) + ' é ü 漢字 ' + '👩🏽‍🏫'.repeat(5);
    const ics = buildIcs({ ...base, description: note });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // No replacement characters anywhere: every folded piece is valid UTF-8 on its own.
    for (const line of ics.split('\r\n')) {
      expect(Buffer.from(line).toString('utf8')).toBe(line);
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(parse(ics).event.description).toBe(note);
  });

  it('carries the lesson page as URL and the address as LOCATION', () => {
    const { vevent, event } = parse(
      buildIcs({ ...base, url: 'https://instainstru.example/lessons/b1', location: '5 Elm St' }),
    );
    expect(vevent.getFirstPropertyValue('url')).toBe('https://instainstru.example/lessons/b1');
    expect(event.location).toBe('5 Elm St');
  });

  it('marks a cancelled lesson METHOD:CANCEL and STATUS:CANCELLED with its sequence', () => {
    const { cal, vevent, event } = parse(buildIcs({ ...base, status: 'CANCELLED', sequence: 2 }));
    expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.sequence).toBe(2);
  });

  it('is a plain PUBLISH file for a download', () => {
    const { cal } = parse(buildIcs({ ...base, method: 'PUBLISH', status: 'CANCELLED', sequence: 1 }));
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
  });
});
