import { describe, expect, it } from 'vitest';
import { arrivalAnnouncement, messageTime, replyTimeLabel } from './message-format';

const NY = 'America/New_York';

describe('when a message was sent', () => {
  const now = new Date('2026-11-25T20:00:00Z'); // 3 PM in New York
  it('is only the time today, in the reader’s zone', () => {
    expect(messageTime('2026-11-25T16:05:00Z', NY, now)).toBe('11:05 AM');
  });
  it('has the day before today, and the year before this year', () => {
    // 1 AM UTC on the 25th is still the 24th in New York.
    expect(messageTime('2026-11-25T01:00:00Z', NY, now)).toBe('Tue, Nov 24, 8:00 PM');
    expect(messageTime('2025-12-31T17:00:00Z', NY, now)).toBe('Dec 31, 2025, 12:00 PM');
  });
});

describe('the reply time an instructor’s profile shows', () => {
  it('rounds up to the promise it can keep', () => {
    expect(replyTimeLabel(0)).toBe('Usually replies within an hour');
    expect(replyTimeLabel(60)).toBe('Usually replies within an hour');
    expect(replyTimeLabel(61)).toBe('Usually replies within 2 hours');
    expect(replyTimeLabel(23 * 60)).toBe('Usually replies within 23 hours');
    expect(replyTimeLabel(23 * 60 + 1)).toBe('Usually replies within a day');
    expect(replyTimeLabel(24 * 60 + 1)).toBe('Usually replies within 2 days');
  });
});

describe('what a screen reader says when a message arrives', () => {
  it('names the sender and reads the start of the text on one line', () => {
    expect(arrivalAnnouncement('Ana Ruiz', 'Hi!\n\nSee you at 4')).toBe(
      'New message from Ana Ruiz: Hi! See you at 4',
    );
    expect(arrivalAnnouncement(null, 'x'.repeat(200))).toBe(`New message: ${'x'.repeat(140)}…`);
    expect(arrivalAnnouncement('Ana Ruiz', null)).toBe('New message from Ana Ruiz');
  });
});
