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

/** The zone's offset from UTC at `at`, in minutes (Intl's longOffset: "GMT-05:00", "GMT" for zero). */
export function offsetMinutesOf(zone: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** "UTC−05:00" (a true minus sign), "UTC+05:30", "UTC+00:00". */
export function offsetLabel(minutes: number): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${minutes < 0 ? '−' : '+'}${hh}:${mm}`;
}

const cityOf = (zone: string) => (zone.split('/').pop() ?? zone).replaceAll('_', ' ');

export function zoneOption(zone: string, at: Date): ZoneOption {
  const offsetMinutes = offsetMinutesOf(zone, at);
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

/** The runtime's own name for a zone (Chromium lists Asia/Calcutta for Asia/Kolkata): aliases dedupe. */
const canonical = (zone: string) => {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
};

export interface ZoneList {
  common: ZoneOption[];
  others: ZoneOption[];
}

/**
 * Every option, built once (each costs an Intl formatter): common zones first (in their order),
 * then the rest by offset and city, each zone once whatever alias the runtime lists.
 */
export function zoneList(all: readonly string[], selected: string, at: Date = new Date()): ZoneList {
  const common = COMMON_ZONES.filter((z) => canonical(z) !== null);
  const taken = new Set(common.map(canonical));
  const others = [...new Set([...all, selected])]
    .filter((z) => !common.includes(z) && !taken.has(canonical(z)) && canonical(z) !== null)
    .map((z) => zoneOption(z, at))
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.label.localeCompare(b.label));
  return { common: common.map((z) => zoneOption(z, at)), others };
}

/** The options matching every word of the query; the selected zone always stays, so the select shows it. */
export function filterZones(list: ZoneList, query: string, selected: string): ZoneList {
  const words = query.toLowerCase().replaceAll('−', '-').split(/\s+/).filter(Boolean);
  const matches = (o: ZoneOption) => o.zone === selected || words.every((w) => haystack(o).includes(w));
  return { common: list.common.filter(matches), others: list.others.filter(matches) };
}

export const zoneChoices = (query: string, all: readonly string[], selected: string, at: Date = new Date()) =>
  filterZones(zoneList(all, selected, at), query, selected);
