import type { AgeGroup, Level, LocationType } from '../api/contracts';

/** $35 or $37.50: whole dollars without cents, as marketplaces show rates. */
export function formatMoney(cents: number): string {
  const dollars = cents / 100;
  return Number.isInteger(dollars) ? `$${dollars}` : `$${dollars.toFixed(2)}`;
}

export const LOCATION_LABEL: Record<LocationType, string> = {
  online: 'Online',
  student_place: 'At your place',
  instructor_place: "At the instructor's place",
};

export const LEVEL_LABEL: Record<Level, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export const AGE_LABEL: Record<AgeGroup, string> = { kids: 'Kids', teens: 'Teens', adults: 'Adults' };

export const BOROUGHS = [
  { slug: 'bronx', name: 'Bronx' },
  { slug: 'brooklyn', name: 'Brooklyn' },
  { slug: 'manhattan', name: 'Manhattan' },
  { slug: 'queens', name: 'Queens' },
  { slug: 'staten-island', name: 'Staten Island' },
] as const;

export const boroughName = (slug: string) => BOROUGHS.find((b) => b.slug === slug)?.name ?? slug;

export function areasLabel(areas: { borough: string; neighborhood: string | null }[]): string {
  return areas.map((a) => (a.neighborhood ? `${a.neighborhood}, ${a.borough}` : a.borough)).join(' · ');
}
