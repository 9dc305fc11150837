/**
 * The time-zone picker's list: zones people here most often mean first, then every IANA zone the
 * browser knows, each with its offset now ("UTC−05:00"), found by city, zone name or offset.
 */

/** The marketplace is in New York; these cover its instructors and students first, then the world. */
export const COMMON_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'America/Toronto',
  'America/Mexico_City',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Africa/Lagos',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];

export interface ZoneOption {
  zone: string;
  /** Minutes east of UTC at the moment asked about. */
  offsetMinutes: number;
  label: string;
}

/** Intl's longOffset name ("GMT-05:00", "GMT" for zero) in minutes east of UTC. */
function minutesOfOffsetName(name: string): number {
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/**
 * One formatter per zone gives both its offset at `at` and the runtime's own name for it
 * (Chromium lists Asia/Calcutta for Asia/Kolkata: aliases dedupe); null for an unknown zone.
 */
function describeZone(zone: string, at: Date): { canonical: string; offsetMinutes: number } | null {
  let f: Intl.DateTimeFormat;
  try {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch {
    return null;
  }
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return { canonical: f.resolvedOptions().timeZone, offsetMinutes: minutesOfOffsetName(name) };
}

export const offsetMinutesOf = (zone: string, at: Date): number => describeZone(zone, at)?.offsetMinutes ?? 0;

/** "UTC−05:00" (a true minus sign), "UTC+05:30", "UTC+00:00". */
export function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '−' : '+'}${hh}:${mm}`;
}

const cityOf = (zone: string) => (zone.split('/').pop() ?? zone).replaceAll('_', ' ');

function optionOf(zone: string, offsetMinutes: number): ZoneOption {
  const region = zone.includes('/') ? ` · ${zone.split('/')[0]!.replaceAll('_', ' ')}` : '';
  return { zone, offsetMinutes, label: `(${offsetLabel(offsetMinutes)}) ${cityOf(zone)}${region}` };
}

/** Words a query may match: the label, the zone name with spaces, and offsets as typed ("utc-5", "gmt+5:30"). */
function haystack(o: ZoneOption): string {
  const h = Math.trunc(o.offsetMinutes / 60);
  const m = Math.abs(o.offsetMinutes % 60);
  const sign = o.offsetMinutes < 0 ? '-' : '+';
  const short = `${sign}${Math.abs(h)}${m ? `:${m}` : ''}`;
  return [o.label.replaceAll('−', '-'), o.zone.replaceAll('_', ' '), o.zone, `utc${short}`, `gmt${short}`]
    .join(' ')
    .toLowerCase();
}

export interface ZoneList {
  common: ZoneOption[];
  others: ZoneOption[];
}

/**
 * The options for these zones (each costs an Intl formatter, ~1 ms apiece on a slow phone: built
 * once, and the full list only when the picker is used): common zones first, in their order, then
 * the rest by offset and city, each zone once whatever alias the runtime lists.
 */
export function zoneList(all: readonly string[], at: Date = new Date()): ZoneList {
  const common: ZoneOption[] = [];
  const taken = new Set<string>();
  for (const z of COMMON_ZONES) {
    const d = describeZone(z, at);
    if (!d) continue;
    common.push(optionOf(z, d.offsetMinutes));
    taken.add(d.canonical).add(z);
  }
  const others: ZoneOption[] = [];
  for (const z of new Set(all)) {
    if (taken.has(z)) continue;
    const d = describeZone(z, at);
    if (!d || taken.has(d.canonical)) continue;
    taken.add(d.canonical).add(z);
    others.push(optionOf(z, d.offsetMinutes));
  }
  others.sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.label.localeCompare(b.label));
  return { common, others };
}

/**
 * The options matching every word of the query. The selected zone always stays (added if the list
 * lacks it), so the select never shows a value it does not list.
 */
export function filterZones(
  list: ZoneList,
  query: string,
  selected: string,
  at: Date = new Date(),
): ZoneList {
  const words = query.toLowerCase().replaceAll('−', '-').split(/\s+/).filter(Boolean);
  const matches = (o: ZoneOption) => o.zone === selected || words.every((w) => haystack(o).includes(w));
  const listed = list.common.some((o) => o.zone === selected) || list.others.some((o) => o.zone === selected);
  const extra = listed ? [] : [optionOf(selected, offsetMinutesOf(selected, at))];
  return { common: [...extra, ...list.common.filter(matches)], others: list.others.filter(matches) };
}

export const zoneChoices = (query: string, all: readonly string[], selected: string, at: Date = new Date()) =>
  filterZones(zoneList(all, at), query, selected, at);
