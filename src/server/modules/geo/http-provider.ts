import { z } from 'zod';
import type { GeoLocation, GeolocationProvider } from './geolocation.js';

/**
 * An ip-api-compatible answer ({ status, city, regionName, country, … }). Only the fields used are
 * read; other fields are allowed, as a service adds them freely.
 */
const answer = z.object({
  status: z.string().optional(),
  city: z.string().max(200).optional(),
  regionName: z.string().max(200).optional(),
  region: z.string().max(200).optional(),
  country: z.string().max(200).optional(),
  countryCode: z.string().max(10).optional(),
});

/** Calls a URL template (GEO_HTTP_URL, `{ip}` replaced) and reads the JSON it answers. */
export class HttpGeolocationProvider implements GeolocationProvider {
  readonly name = 'http';

  constructor(private readonly urlTemplate: string) {}

  async locate(ip: string, signal: AbortSignal): Promise<GeoLocation | null> {
    const url = this.urlTemplate.replaceAll('{ip}', encodeURIComponent(ip));
    const res = await fetch(url, { signal, headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`geolocation answered ${res.status}`);
    const body = answer.parse(await res.json());
    if (body.status && body.status !== 'success') return null;
    const loc: GeoLocation = {};
    if (body.city) loc.city = body.city;
    if (body.regionName ?? body.region) loc.region = body.regionName ?? body.region;
    if (body.countryCode ?? body.country) loc.country = body.countryCode ?? body.country;
    return Object.keys(loc).length ? loc : null;
  }
}
