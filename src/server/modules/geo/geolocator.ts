import type { BoroughSlug } from '../../../contracts/areas.generated.js';
import type { Config } from '../../config.js';
import type { Cache } from '../../platform/cache/cache.js';
import type { Metrics } from '../../platform/metrics/metrics.js';
import { hashIp } from '../../platform/auth/tokens.js';
import type { GeolocationProvider } from './geolocation.js';
import { boroughOf } from './geolocation.js';
import { HttpGeolocationProvider } from './http-provider.js';
import { IpTableProvider } from './ip-table.js';

/** A failed or timed-out lookup is asked again after this, not after the full TTL. */
const FAILURE_TTL_SECONDS = 60;

export interface GeolocatorDeps {
  config: Pick<Config, 'geo' | 'ipHashSalt'>;
  cache: Cache;
  metrics: Pick<Metrics, 'cacheResult'>;
  log: { debug(obj: object, msg: string): void };
}

export function providerFromConfig(geo: Config['geo']): GeolocationProvider | null {
  if (geo.provider === 'table') return new IpTableProvider();
  if (geo.provider === 'http' && geo.httpUrl) return new HttpGeolocationProvider(geo.httpUrl);
  return null;
}

/**
 * The searcher's borough from their IP: cached per IP (under its salted hash, never the address),
 * bounded by GEO_TIMEOUT_MS, and null — never an error — whatever the provider does.
 */
export class Geolocator {
  constructor(
    private readonly deps: GeolocatorDeps,
    private readonly provider: GeolocationProvider | null = providerFromConfig(deps.config.geo),
  ) {}

  async boroughOf(ip: string | null): Promise<BoroughSlug | null> {
    if (!this.provider || !ip) return null;
    const key = `geo:v1:${this.provider.name}:${hashIp(this.deps.config.ipHashSalt, ip)}`;
    const hit = await this.deps.cache.get<{ borough: BoroughSlug | null }>(key);
    this.deps.metrics.cacheResult('geolocation', hit !== undefined);
    if (hit) return hit.borough;
    const { borough, failed } = await this.lookup(ip);
    await this.deps.cache.set(
      key,
      { borough },
      failed
        ? Math.min(FAILURE_TTL_SECONDS, this.deps.config.geo.cacheTtlSeconds)
        : this.deps.config.geo.cacheTtlSeconds,
    );
    return borough;
  }

  private async lookup(ip: string): Promise<{ borough: BoroughSlug | null; failed: boolean }> {
    const provider = this.provider!;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`geolocation took over ${this.deps.config.geo.timeoutMs} ms`));
      }, this.deps.config.geo.timeoutMs);
    });
    try {
      // The race, not only the signal: a provider that ignores the signal still cannot hold a search.
      const loc = await Promise.race([provider.locate(ip, controller.signal), timeout]);
      return { borough: boroughOf(loc), failed: false };
    } catch (err) {
      this.deps.log.debug({ err, provider: provider.name }, 'geolocation failed; "near me" stays unknown');
      return { borough: null, failed: true };
    } finally {
      clearTimeout(timer);
    }
  }
}
