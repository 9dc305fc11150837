import type { OfferingWithService } from './instructors.repo.js';

/** Public names are first name + last initial ("Ada L."); full names only between people who share a lesson. */
export function publicName(full: string): string {
  const [first, ...rest] = full.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]!.toUpperCase()}.` : (first ?? '');
}

export const offeringView = (o: OfferingWithService) => ({
  instructorServiceId: o.id,
  service: o.service,
  hourlyRateCents: o.hourlyRateCents,
  durations: o.durations,
  description: o.description,
  levels: o.levels,
  ageGroups: o.ageGroups,
  locationTypes: o.locationTypes,
  active: o.active,
});
