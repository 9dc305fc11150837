import { BOROUGHS } from '../api/contracts';

/** $35 or $37.50: whole dollars without cents, as marketplaces show rates. */
export function formatMoney(cents: number): string {
  const dollars = cents / 100;
  return Number.isInteger(dollars) ? `$${dollars}` : `$${dollars.toFixed(2)}`;
}

export { BOROUGHS };

export const boroughName = (slug: string) => BOROUGHS.find((b) => b.slug === slug)?.name ?? slug;

/** A neighbourhood's name from its slug (search sends slugs), within its borough when known. */
export const neighborhoodName = (slug: string) =>
  BOROUGHS.flatMap((b) => b.neighborhoods).find((n) => n.slug === slug)?.name ?? slug;

export function areasLabel(areas: { borough: string; neighborhood: string | null }[]): string {
  return areas.map((a) => (a.neighborhood ? `${a.neighborhood}, ${a.borough}` : a.borough)).join(' · ');
}

/** "4.8 · 23 reviews", or "New instructor" while there are none. */
export function ratingLabel(rating: number | null, count: number): string {
  if (rating === null || count === 0) return 'New instructor';
  return `${rating.toFixed(1)} · ${count} ${count === 1 ? 'review' : 'reviews'}`;
}
