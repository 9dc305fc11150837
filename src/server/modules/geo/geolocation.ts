import type { BoroughSlug } from '../../../contracts/areas.generated.js';

/** Where an IP address is, as far as a provider can tell; every part optional. */
export interface GeoLocation {
  city?: string;
  region?: string;
  country?: string;
  /** A New York borough slug, when the provider knows it directly (the bundled table does). */
  borough?: BoroughSlug;
}

/**
 * Where an IP is. A provider may be slow or fail: it may throw or return null for "don't know";
 * callers go through Geolocator (geolocator.ts), which bounds the time and swallows the errors.
 */
export interface GeolocationProvider {
  readonly name: string;
  locate(ip: string, signal: AbortSignal): Promise<GeoLocation | null>;
}

const fold = (s: string) => s.toLowerCase().replace(/[.'’]/g, '').replace(/\s+/g, ' ').trim();

/** City (or county) names as geolocation services spell them, to the borough they mean. */
const BOROUGH_NAMES = new Map<string, BoroughSlug>([
  ['brooklyn', 'brooklyn'],
  ['kings county', 'brooklyn'],
  ['kings', 'brooklyn'],
  ['queens', 'queens'],
  ['queens county', 'queens'],
  ['bronx', 'bronx'],
  ['the bronx', 'bronx'],
  ['bronx county', 'bronx'],
  ['staten island', 'staten-island'],
  ['richmond county', 'staten-island'],
  ['manhattan', 'manhattan'],
  ['new york county', 'manhattan'],
  // Providers say "New York" for an address in Manhattan (and for the city as a whole).
  ['new york', 'manhattan'],
  ['new york city', 'manhattan'],
  ['nyc', 'manhattan'],
]);

const US = new Set(['us', 'usa', 'united states', 'united states of america']);

/** The borough a location is in, or null when it is not (or not known to be) in New York City. */
export function boroughOf(loc: GeoLocation | null): BoroughSlug | null {
  if (!loc) return null;
  if (loc.borough) return loc.borough;
  if (loc.country && !US.has(fold(loc.country))) return null;
  return loc.city ? (BOROUGH_NAMES.get(fold(loc.city)) ?? null) : null;
}
