// Time zones: the platform's home zone and the check of an IANA zone name. Plain functions with no
// imports, shared by the server and the web app.

// New York, where the marketplace is (data/areas.json). Used wherever a person has not said theirs yet.
export const DEFAULT_TIME_ZONE = 'America/New_York';

/** Zones already found valid: the check builds an Intl formatter, which costs ~0.1 ms each time. */
const knownZones = new Set<string>();

/** True for IANA zone names the runtime knows (America/New_York), false for offsets or junk. */
export function isValidTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone); // bounded: only real zone names get here
  return true;
}
