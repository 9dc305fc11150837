import { describe, expect, it } from 'vitest';
import { PRIOR_WEIGHT, aggregateRatings, rankingRating } from './ratings.js';

const row = (instructorId: string, instructorServiceId: string, n: number, sum: number) => ({
  instructorId,
  instructorServiceId,
  n,
  sum,
});

describe('rating aggregate', () => {
  const s = aggregateRatings([row('a', 'a1', 1, 5), row('b', 'b1', 40, 196), row('b', 'b2', 2, 6)]);

  it('gives each instructor and offering its mean and count', () => {
    expect(s.byInstructor.get('b')).toMatchObject({ mean: 4.81, count: 42 });
    expect(s.byOffering.get('b2')).toMatchObject({ mean: 3, count: 2 });
    expect(s.platformMean).toBe(4.81);
  });

  it('pulls a thin record towards the platform mean, so one 5-star review does not outrank forty 4.9s', () => {
    const mean = 207 / 43;
    expect(s.byOffering.get('a1')!.bayesian).toBeCloseTo((PRIOR_WEIGHT * mean + 5) / (PRIOR_WEIGHT + 1));
    expect(rankingRating(s, { id: 'b1', instructorId: 'b' })).toBeGreaterThan(
      rankingRating(s, { id: 'a1', instructorId: 'a' })!,
    );
  });

  it('ranks by the offering first, then the instructor, else not at all', () => {
    expect(rankingRating(s, { id: 'b2', instructorId: 'b' })).toBe(s.byOffering.get('b2')!.bayesian);
    expect(rankingRating(s, { id: 'new', instructorId: 'b' })).toBe(s.byInstructor.get('b')!.bayesian);
    expect(rankingRating(s, { id: 'x', instructorId: 'nobody' })).toBeNull();
  });
});
