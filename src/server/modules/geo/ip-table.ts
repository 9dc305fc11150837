import { isIPv4 } from 'node:net';
import type { BoroughSlug } from '../../../contracts/areas.generated.js';
import type { GeoLocation, GeolocationProvider } from './geolocation.js';

export interface IpRange {
  cidr: string;
  city: string;
  borough: BoroughSlug;
}

/**
 * The offline default. No real IP-to-city dataset ships with the app (none can be bundled under
 * its licence), so this table covers only the documentation ranges of RFC 5737, for the demo and
 * the tests: an address from them, sent through a trusted proxy, stands for a borough. Real
 * addresses get no answer from it; production sets GEO_PROVIDER=http.
 */
export const DEMO_IP_RANGES: readonly IpRange[] = [
  { cidr: '198.51.100.0/24', city: 'Brooklyn', borough: 'brooklyn' },
  { cidr: '203.0.113.0/24', city: 'Queens', borough: 'queens' },
  { cidr: '192.0.2.0/25', city: 'Manhattan', borough: 'manhattan' },
  { cidr: '192.0.2.128/26', city: 'Bronx', borough: 'bronx' },
  { cidr: '192.0.2.192/26', city: 'Staten Island', borough: 'staten-island' },
];

const toInt = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

interface Block {
  first: number;
  last: number;
  location: GeoLocation;
}

function block(r: IpRange): Block {
  const [base = '', bitsText = ''] = r.cidr.split('/');
  const bits = Number(bitsText);
  if (!isIPv4(base) || !Number.isInteger(bits) || bits < 0 || bits > 32) {
    throw new Error(`not an IPv4 CIDR range: ${r.cidr}`);
  }
  const size = 2 ** (32 - bits);
  const first = toInt(base) - (toInt(base) % size);
  return { first, last: first + size - 1, location: { city: r.city, country: 'US', borough: r.borough } };
}

/** IPv4 address → the location of the narrowest range holding it; IPv6 and unknown → null. */
export class IpTableProvider implements GeolocationProvider {
  readonly name = 'table';
  private readonly blocks: Block[];

  constructor(ranges: readonly IpRange[] = DEMO_IP_RANGES) {
    this.blocks = ranges.map(block).sort((a, b) => a.last - a.first - (b.last - b.first));
  }

  async locate(ip: string): Promise<GeoLocation | null> {
    // An IPv4 address seen by a dual-stack socket arrives as ::ffff:a.b.c.d.
    const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
    if (!isIPv4(v4)) return null;
    const n = toInt(v4);
    return this.blocks.find((b) => n >= b.first && n <= b.last)?.location ?? null;
  }
}
