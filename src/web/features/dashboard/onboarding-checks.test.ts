import { describe, expect, it } from 'vitest';
import { missingBeforeSearchable, missingForOnboarding } from './onboarding-checks';

describe('what onboarding says is missing before Continue', () => {
  it('names every missing field in words', () => {
    expect(missingForOnboarding({ bio: '  ', years: '', areas: [] })).toEqual({
      bio: 'Write a few words about you and how you teach.',
      years: 'Enter your years of teaching as a whole number from 0 to 80.',
      areas: 'Choose at least one borough.',
    });
  });

  it('refuses years outside 0–80 or with a fraction, and nothing is missing once complete', () => {
    for (const years of ['-1', '81', '2.5', 'abc'])
      expect(missingForOnboarding({ bio: 'Jazz.', years, areas: ['queens'] }), years).toHaveProperty('years');
    expect(missingForOnboarding({ bio: 'Jazz.', years: '0', areas: ['queens'] })).toEqual({});
  });
});

describe('what the dashboard says is missing before the profile is searchable', () => {
  it('names a bio, a service and hours, each leading to the page that adds it', () => {
    expect(missingBeforeSearchable({ bio: ' ', activeServices: 0, hasOpenHours: false })).toEqual([
      expect.objectContaining({ key: 'bio', to: '/teach/profile' }),
      expect.objectContaining({ key: 'service', to: '/teach/profile' }),
      expect.objectContaining({ key: 'hours', to: '/teach/availability' }),
    ]);
  });

  it('asks only for what is left, and nothing once all three are there', () => {
    expect(
      missingBeforeSearchable({ bio: 'Jazz.', activeServices: 1, hasOpenHours: false }).map((m) => m.key),
    ).toEqual(['hours']);
    expect(missingBeforeSearchable({ bio: 'Jazz.', activeServices: 2, hasOpenHours: true })).toEqual([]);
  });
});
