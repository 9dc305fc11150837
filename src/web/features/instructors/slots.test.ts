import { describe, expect, it } from 'vitest';
import { slotsOf } from './slots';

describe('the start times screens offer', () => {
  it('are the half hours of the instructor clock, whatever 15-minute starts the API answers', () => {
    const slots = slotsOf({
      instructorId: 'i',
      timezone: 'America/New_York',
      duration: 60,
      earliestAvailableDate: '2026-11-25',
      earliestAvailableAt: '2026-11-25T14:15:00.000Z',
      days: [
        {
          date: '2026-11-25',
          isBlackout: false,
          ranges: [{ start: '09:15', end: '11:00' }],
          startTimes: ['09:15', '09:30', '09:45', '10:00'],
        },
      ],
    });
    expect(slots).toEqual([
      { date: '2026-11-25', time: '09:30', startsAt: '2026-11-25T14:30:00.000Z' },
      { date: '2026-11-25', time: '10:00', startsAt: '2026-11-25T15:00:00.000Z' },
    ]);
  });
});
