/**
 * Ratings from published reviews: mean and count per instructor and per offering, and a Bayesian
 * average that pulls a thin record towards the platform mean (docs/decisions: weight = PRIOR_WEIGHT
 * reviews), so one 5-star review does not outrank forty 4.9s. Pure, so it can be tested alone.
 */
import type { RatingSums } from './reviews.repo.js';

/** How many reviews' worth of the platform mean every record starts with. */
export const PRIOR_WEIGHT = 5;

export interface Rating {
  /** Mean stars, two decimals. */
  mean: number;
  count: number;
  /** (PRIOR_WEIGHT × platform mean + sum) / (PRIOR_WEIGHT + count). */
  bayesian: number;
}

export interface RatingsSnapshot {
  platformMean: number | null;
  byInstructor: ReadonlyMap<string, Rating>;
  byOffering: ReadonlyMap<string, Rating>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function aggregateRatings(rows: readonly RatingSums[]): RatingsSnapshot {
  const total = rows.reduce((a, r) => ({ n: a.n + r.n, sum: a.sum + r.sum }), { n: 0, sum: 0 });
  const platformMean = total.n ? total.sum / total.n : null;
  const rate = (n: number, sum: number): Rating => ({
    mean: round2(sum / n),
    count: n,
    bayesian: (PRIOR_WEIGHT * (platformMean ?? 0) + sum) / (PRIOR_WEIGHT + n),
  });
  const perInstructor = new Map<string, { n: number; sum: number }>();
  const byOffering = new Map<string, Rating>();
  for (const r of rows) {
    byOffering.set(r.instructorServiceId, rate(r.n, r.sum));
    const acc = perInstructor.get(r.instructorId) ?? { n: 0, sum: 0 };
    perInstructor.set(r.instructorId, { n: acc.n + r.n, sum: acc.sum + r.sum });
  }
  const byInstructor = new Map([...perInstructor].map(([id, a]) => [id, rate(a.n, a.sum)]));
  return { platformMean: platformMean === null ? null : round2(platformMean), byInstructor, byOffering };
}

/** What ranking sorts by: the offering's own record, else the instructor's, else nothing. */
export function rankingRating(s: RatingsSnapshot, o: { id: string; instructorId: string }): number | null {
  return s.byOffering.get(o.id)?.bayesian ?? s.byInstructor.get(o.instructorId)?.bayesian ?? null;
}

export const EMPTY_RATINGS: RatingsSnapshot = aggregateRatings([]);
