// Zone names for display. The validity check of a zone name is shared with the web app:
// src/contracts/time-zone.ts.

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
