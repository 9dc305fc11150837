import { describe, expect, it } from 'vitest';
import { COMMON_ZONES, offsetLabel, offsetMinutesOf, zoneChoices } from './time-zones';

const winter = new Date('2026-01-15T12:00:00Z');
const summer = new Date('2026-07-15T12:00:00Z');
const all = Intl.supportedValuesOf('timeZone');

describe('the time-zone picker', () => {
  it('shows each zone’s offset now, daylight saving included', () => {
    expect(offsetMinutesOf('America/New_York', winter)).toBe(-300);
    expect(offsetMinutesOf('America/New_York', summer)).toBe(-240);
    expect(offsetMinutesOf('Asia/Kolkata', winter)).toBe(330);
    expect(offsetMinutesOf('UTC', winter)).toBe(0);
    expect(offsetLabel(-300)).toBe('UTC−05:00');
    expect(offsetLabel(330)).toBe('UTC+05:30');
  });

  it('lists the common zones first, New York leading, and no zone twice', () => {
    const { common, others } = zoneChoices('', all, 'America/New_York', winter);
    const zones = [...common, ...others].map((o) => o.zone);
    expect(common[0]).toMatchObject({ zone: 'America/New_York', label: '(UTC−05:00) New York · America' });
    expect(common.map((o) => o.zone)).toEqual(COMMON_ZONES);
    // Listed once even where the runtime names it Asia/Calcutta.
    expect(zones.filter((z) => z === 'Asia/Calcutta' || z === 'Asia/Kolkata')).toEqual(['Asia/Kolkata']);
    expect(new Set(zones).size).toBe(zones.length);
    expect(others.length).toBeGreaterThan(300);
    // The rest run west to east.
    expect(others[0]!.offsetMinutes).toBeLessThanOrEqual(others.at(-1)!.offsetMinutes);
  });

  it('finds zones by city, zone name or offset, and keeps the selected one listed', () => {
    const names = (q: string) => {
      const { common, others } = zoneChoices(q, all, 'Europe/Lisbon', winter);
      return [...common, ...others].map((o) => o.zone);
    };
    expect(names('los ang')).toEqual(['America/Los_Angeles', 'Europe/Lisbon']);
    expect(names('Asia/Tok')).toContain('Asia/Tokyo');
    expect(names('utc+5:30')).toContain('Asia/Kolkata');
    expect(names('utc+5:30')).not.toContain('Asia/Tokyo');
    expect(names('no such place')).toEqual(['Europe/Lisbon']);
  });
});
