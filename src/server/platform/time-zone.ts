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

const abbreviations = new Map<string, Intl.DateTimeFormat>();

/**
 * "EST", "PDT", "GMT+1": the zone's short name at an instant. One formatter per zone is kept, as
 * building one costs about a millisecond (luxon's `ZZZZ` builds one per call).
 */
export function zoneAbbreviation(at: Date, zone: string): string {
  let f = abbreviations.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    abbreviations.set(zone, f);
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}
