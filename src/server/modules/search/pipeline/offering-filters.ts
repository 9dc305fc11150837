import type { Offering } from '../offering-index.js';
import type { ParsedQuery } from '../query/parse-query.js';
import { lowerQuartile } from '../ranking.js';

/** "Cheap" caps the price at the lower quartile of the candidates' rates (before any other filter). */
export function cheapCapOf(candidates: Offering[], p: ParsedQuery): number | null {
  return p.cheap ? lowerQuartile(candidates.map((o) => o.hourlyRateCents)) : null;
}

/** Step 3: price, place, format, level, age and lesson length, as asked, each one narrowing. */
export function passesFilters(o: Offering, p: ParsedQuery, cheapCap: number | null): boolean {
  if (p.priceMaxCents !== null && o.hourlyRateCents > p.priceMaxCents) return false;
  if (p.priceMinCents !== null && o.hourlyRateCents < p.priceMinCents) return false;
  if (cheapCap !== null && o.hourlyRateCents > cheapCap) return false;
  // Every constraint narrows: "online" with Brooklyn is a Brooklyn instructor who teaches online
  // (not every online teacher), so adding a filter never widens the results.
  if (p.borough && !o.boroughs.has(p.borough)) return false;
  if (p.format === 'online' && !o.locationTypes.includes('online')) return false;
  if (p.format === 'in_person' && !o.locationTypes.some((t) => t !== 'online')) return false;
  if (p.level && !o.levels.includes(p.level)) return false;
  if (p.ageGroup && !o.ageGroups.includes(p.ageGroup)) return false;
  if (p.durationMinutes && !o.durations.includes(p.durationMinutes)) return false;
  return true;
}
