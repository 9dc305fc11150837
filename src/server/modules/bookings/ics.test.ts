import { describe, expect, it } from 'vitest';
import { buildIcs } from './ics.js';

const base = {
  uid: 'b1',
  startsAt: new Date('2026-12-03T23:00:00Z'),
  endsAt: new Date('2026-12-04T00:00:00Z'),
  summary: 'Piano lesson with Ada L.',
  description: 'Bring your music; we start with scales.',
  status: 'CONFIRMED' as const,
  sequence: 0,
  now: new Date('2026-11-24T10:00:00Z'),
};

describe('calendar file', () => {
  it('has UTC start and end and CRLF line endings', () => {
    const ics = buildIcs(base);
    expect(ics).toContain('DTSTART:20261203T230000Z\r\n');
    expect(ics).toContain('DTEND:20261204T000000Z\r\n');
    expect(ics.split('\r\n')[0]).toBe('BEGIN:VCALENDAR');
  });

  it('escapes commas, semicolons and newlines in text', () => {
    const ics = buildIcs({ ...base, description: 'a,b;c\nd' });
    expect(ics).toContain('DESCRIPTION:a\\,b\\;c\\nd');
  });

  it('folds lines longer than 75 octets', () => {
    const ics = buildIcs({ ...base, description: 'x'.repeat(200) });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('marks a cancelled lesson so calendars remove it', () => {
    const ics = buildIcs({ ...base, status: 'CANCELLED', sequence: 2 });
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
  });
});
