/** Result ordering (PRODUCT §6 step 5), pure so it can be tested alone. */
export interface Rankable {
  id: string;
  relevance: number;
  nextAvailableAt: number | null;
  rating: number | null;
  /** The service's demand score, 0–1 (service-analytics job, decision 0016). */
  demand: number;
  hourlyRateCents: number;
}

export type SortKey = 'relevance' | 'price' | 'soonest' | 'rating';

/** Relevance is compared in steps of this size, so tiny score gaps do not hide availability. */
const RELEVANCE_STEP = 0.05;
/**
 * The demand term: the busiest service's offerings gain at most one relevance step. Among
 * equally relevant services (a category or broad search) the ones in demand come first; it can
 * never lift a weaker match over a stronger one by more than that step.
 */
export const DEMAND_WEIGHT = RELEVANCE_STEP;

/** Relevance with its demand term (in steps), then soonest, rating, demand, price, id. */
export function compareResults(sort: SortKey = 'relevance') {
  const rel = (r: Rankable) => Math.round((r.relevance + DEMAND_WEIGHT * r.demand) / RELEVANCE_STEP);
  const soon = (r: Rankable) => r.nextAvailableAt ?? Number.MAX_SAFE_INTEGER;
  const rating = (r: Rankable) => r.rating ?? -1;
  const chain: ((a: Rankable, b: Rankable) => number)[] = [
    (a, b) => rel(b) - rel(a),
    (a, b) => soon(a) - soon(b),
    (a, b) => rating(b) - rating(a),
    (a, b) => b.demand - a.demand,
    (a, b) => a.hourlyRateCents - b.hourlyRateCents,
  ];
  const first: Record<SortKey, ((a: Rankable, b: Rankable) => number)[]> = {
    relevance: [],
    price: [(a, b) => a.hourlyRateCents - b.hourlyRateCents],
    soonest: [(a, b) => soon(a) - soon(b)],
    rating: [(a, b) => rating(b) - rating(a)],
  };
  const all = [...first[sort], ...chain];
  return (a: Rankable, b: Rankable): number => {
    for (const c of all) {
      const d = c(a, b);
      if (d !== 0) return d;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** "Cheap" = at or under the lower quartile of the candidates' rates (nearest-rank method). */
export function lowerQuartile(rates: number[]): number | null {
  if (!rates.length) return null;
  const sorted = [...rates].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.25) - 1)]!;
}
