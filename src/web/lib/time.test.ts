import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, instantOf, localDateOf, monthGrid, zoneLabel } from './time';

describe('times as the viewer sees them', () => {
  it('turns an instructor-local date and time into the instant, across a DST change', () => {
    expect(instantOf('2026-11-25', '16:00', 'America/New_York')).toBe('2026-11-25T21:00:00.000Z'); // EST
    expect(instantOf('2026-07-01', '16:00', 'America/New_York')).toBe('2026-07-01T20:00:00.000Z'); // EDT
  });

  it('shows an instant in the viewer zone with the zone named', () => {
    expect(formatDateTime('2026-11-25T21:00:00.000Z', 'America/New_York')).toBe('Wed, Nov 25, 4:00 PM EST');
    expect(formatDateTime('2026-11-25T21:00:00.000Z', 'America/Los_Angeles')).toBe(
      'Wed, Nov 25, 1:00 PM PST',
    );
    expect(zoneLabel('America/Los_Angeles', new Date('2026-11-25T12:00:00Z'))).toBe('Los Angeles time (PST)');
  });

  it('puts a late-evening New York lesson on the next day for a viewer in London', () => {
    expect(localDateOf('2026-11-26T02:30:00.000Z', 'America/New_York')).toBe('2026-11-25');
    expect(localDateOf('2026-11-26T02:30:00.000Z', 'Europe/London')).toBe('2026-11-26');
  });

  it('lays a month out in six Monday-first weeks, marking the month’s own days', () => {
    const grid = monthGrid('2026-11');
    expect(grid).toHaveLength(42);
    expect(grid[0]).toEqual({ date: '2026-10-26', inMonth: false }); // the Monday before 1 Nov (a Sunday)
    expect(grid.filter((d) => d.inMonth)).toHaveLength(30);
  });

  it('names lesson lengths in hours and minutes', () => {
    expect([30, 60, 90, 120].map(formatDuration)).toEqual(['30 min', '1 h', '1 h 30 min', '2 h']);
  });
});
