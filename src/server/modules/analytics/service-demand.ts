/**
 * The demand score and trending flag of a service (decision 0016), pure so they are tested alone.
 * A booking says more about demand than a search does, so it weighs as much as five.
 */
export const BOOKING_WEIGHT = 5;
/** Trending: last week's searches per day at least this many times the 23 days before's. */
export const TRENDING_RATIO = 1.5;
/** ...and not on a handful of searches. */
export const TRENDING_MIN_SEARCHES = 3;

export interface DemandCounts {
  searches7d: number;
  searches30d: number;
  bookings7d: number;
  bookings30d: number;
}

const rawDemand = (c: DemandCounts) => c.searches30d + BOOKING_WEIGHT * c.bookings30d;

/** 0–1: each service's 30-day searches + 5 × bookings over the busiest service's; all 0 when none. */
export function demandScores(counts: DemandCounts[]): number[] {
  const max = Math.max(0, ...counts.map(rawDemand));
  return counts.map((c) => (max > 0 ? rawDemand(c) / max : 0));
}

export function isTrending(c: DemandCounts): boolean {
  if (c.searches7d < TRENDING_MIN_SEARCHES) return false;
  const before = Math.max(0, c.searches30d - c.searches7d);
  return c.searches7d / 7 >= TRENDING_RATIO * (before / 23);
}
