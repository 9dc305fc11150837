import type { AgeGroup, Level, LocationType, Offering } from '../../../contracts/instructors.js';
import { LANGUAGES, type LanguageCode } from '../../../contracts/profile-vocabulary.js';
import { photoUrlOf } from '../../../contracts/photo-limits.js';
import type { OfferingWithService } from './instructors.repo.js';

/** Public names are first name + last initial ("Ada L."); full names only between people who share a lesson. */
export function publicName(full: string): string {
  const [first, ...rest] = full.trim().split(/\s+/);
  const last = rest.at(-1);
  return last ? `${first} ${last[0]!.toUpperCase()}.` : (first ?? '');
}

// The text[] columns only ever receive values the offering body validated against these enums.
export const offeringView = (o: OfferingWithService): Offering => ({
  instructorServiceId: o.id,
  service: o.service,
  hourlyRateCents: o.hourlyRateCents,
  durations: o.durations,
  description: o.description,
  firstLesson: o.firstLesson,
  levels: o.levels as Level[],
  ageGroups: o.ageGroups as AgeGroup[],
  locationTypes: o.locationTypes as LocationType[],
  active: o.active,
});

/** The profile photo's URL from the key loaded with the instructor (no query); null = placeholder. */
export const photoUrlFrom = (photoKey: string | null | undefined): string | null =>
  photoKey ? photoUrlOf(photoKey) : null;

/**
 * The profile's languages with their names. The column only receives codes the profile body
 * validated; a code since dropped from the list is left out rather than shown without a name.
 */
export const languagesView = (codes: string[]) =>
  codes.flatMap((c) =>
    c in LANGUAGES ? [{ code: c as LanguageCode, name: LANGUAGES[c as LanguageCode] }] : [],
  );
