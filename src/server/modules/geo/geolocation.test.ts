import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryCache } from '../../platform/cache/memory-cache.js';
import type { Config } from '../../config.js';
import { boroughOf } from './geolocation.js';
import type { GeolocationProvider } from './geolocation.js';
import { Geolocator } from './geolocator.js';
import { HttpGeolocationProvider } from './http-provider.js';
import { IpTableProvider } from './ip-table.js';

const never = new AbortController().signal;

function geolocator(provider: GeolocationProvider | null, geo: Partial<Config['geo']> = {}) {
  const counts = { hit: 0, miss: 0 };
  const g = new Geolocator(
    {
      config: {
        ipHashSalt: 'salt-for-geo-tests',
        geo: { provider: 'table', timeoutMs: 200, cacheTtlSeconds: 3600, ...geo },
      },
      cache: new MemoryCache(100),
      metrics: { cacheResult: (_name, hit) => void counts[hit ? 'hit' : 'miss']++ },
      log: { debug: () => {} },
    },
    provider,
  );
  return { g, counts };
}

describe('the bundled IP table', () => {
  const table = new IpTableProvider();

  it('places the documentation ranges in their boroughs, the v4-mapped form too', async () => {
    expect(await table.locate('198.51.100.7')).toMatchObject({ city: 'Brooklyn', borough: 'brooklyn' });
    expect(await table.locate('203.0.113.250')).toMatchObject({ borough: 'queens' });
    expect(await table.locate('::ffff:198.51.100.1')).toMatchObject({ borough: 'brooklyn' });
    expect(await table.locate('192.0.2.130')).toMatchObject({ borough: 'bronx' });
    expect(await table.locate('192.0.2.5')).toMatchObject({ borough: 'manhattan' });
  });

  it('knows nothing of other addresses, IPv6 or garbage: null, no error', async () => {
    expect(await table.locate('198.51.101.1')).toBeNull();
    expect(await table.locate('127.0.0.1')).toBeNull();
    expect(await table.locate('2001:db8::1')).toBeNull();
    expect(await table.locate('not an ip')).toBeNull();
  });

  it('prefers the narrowest range holding the address', async () => {
    const t = new IpTableProvider([
      { cidr: '10.0.0.0/8', city: 'Queens', borough: 'queens' },
      { cidr: '10.1.2.0/24', city: 'Brooklyn', borough: 'brooklyn' },
    ]);
    expect(await t.locate('10.1.2.3')).toMatchObject({ borough: 'brooklyn' });
    expect(await t.locate('10.9.9.9')).toMatchObject({ borough: 'queens' });
  });

  it('refuses a malformed range when built', () => {
    expect(() => new IpTableProvider([{ cidr: '10.0.0.0/33', city: 'x', borough: 'queens' }])).toThrow(
      /CIDR/,
    );
  });
});

describe('city names to boroughs', () => {
  it.each([
    ['Brooklyn', 'brooklyn'],
    ['Kings County', 'brooklyn'],
    ['Queens', 'queens'],
    ['The Bronx', 'bronx'],
    ['Bronx', 'bronx'],
    ['Staten Island', 'staten-island'],
    ['Manhattan', 'manhattan'],
    ['New York', 'manhattan'],
  ])('%s → %s', (city, borough) => {
    expect(boroughOf({ city, country: 'US' })).toBe(borough);
  });

  it('is null outside New York City or abroad', () => {
    expect(boroughOf({ city: 'Boston', country: 'US' })).toBeNull();
    expect(boroughOf({ city: 'Brooklyn', country: 'NZ' })).toBeNull();
    expect(boroughOf({ region: 'New York' })).toBeNull();
    expect(boroughOf(null)).toBeNull();
  });
});

describe('the http provider, against a local fake service', () => {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const ip = decodeURIComponent((req.url ?? '').split('/').pop() ?? '');
    if (ip === '10.0.0.1')
      return res.end(JSON.stringify({ status: 'success', city: 'Brooklyn', countryCode: 'US' }));
    if (ip === '10.0.0.2')
      return res.end(JSON.stringify({ status: 'success', city: 'The Bronx', country: 'United States' }));
    if (ip === '10.0.0.3') return res.end('{not json');
    if (ip === '10.0.0.4') return void setTimeout(() => res.end(JSON.stringify({ city: 'Queens' })), 1_000);
    if (ip === '10.0.0.5') return res.end(JSON.stringify({ status: 'fail', message: 'private range' }));
    if (ip === '10.0.0.6') return res.end(JSON.stringify({ city: 42 }));
    res.statusCode = 500;
    res.end('{}');
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/json/{ip}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the city of an ip-api style answer, and asks with the IP in the template', async () => {
    expect(await new HttpGeolocationProvider(url).locate('10.0.0.1', never)).toEqual({
      city: 'Brooklyn',
      country: 'US',
    });
    expect(asked).toContain('/json/10.0.0.1');
  });

  it('gives the borough of the city, and null for a failed, malformed, slow or erroring answer', async () => {
    const { g } = geolocator(new HttpGeolocationProvider(url), { provider: 'http', timeoutMs: 200 });
    expect(await g.boroughOf('10.0.0.1')).toBe('brooklyn');
    expect(await g.boroughOf('10.0.0.2')).toBe('bronx');
    expect(await g.boroughOf('10.0.0.3')).toBeNull();
    expect(await g.boroughOf('10.0.0.5')).toBeNull();
    expect(await g.boroughOf('10.0.0.6')).toBeNull();
    expect(await g.boroughOf('10.0.0.9')).toBeNull();
    const started = performance.now();
    expect(await g.boroughOf('10.0.0.4')).toBeNull();
    expect(performance.now() - started).toBeLessThan(800);
  });
});

describe('the geolocator', () => {
  it('asks the provider once per IP within the TTL', async () => {
    let calls = 0;
    const { g, counts } = geolocator({
      name: 'count',
      locate: async () => (calls++, { city: 'Queens', country: 'US' }),
    });
    expect(await g.boroughOf('1.2.3.4')).toBe('queens');
    expect(await g.boroughOf('1.2.3.4')).toBe('queens');
    expect(await g.boroughOf('1.2.3.5')).toBe('queens');
    expect(calls).toBe(2);
    expect(counts).toEqual({ hit: 1, miss: 2 });
  });

  it('caches "unknown" too, and turns a throwing or hanging provider into null in time', async () => {
    let calls = 0;
    const { g: unknown } = geolocator({ name: 'none', locate: async () => (calls++, null) });
    expect(await unknown.boroughOf('1.2.3.4')).toBeNull();
    expect(await unknown.boroughOf('1.2.3.4')).toBeNull();
    expect(calls).toBe(1);

    const { g: throwing } = geolocator({ name: 'boom', locate: () => Promise.reject(new Error('down')) });
    expect(await throwing.boroughOf('1.2.3.4')).toBeNull();

    // Ignores its abort signal: the geolocator's own deadline still answers.
    const { g: hanging } = geolocator(
      { name: 'hang', locate: () => new Promise(() => {}) },
      { timeoutMs: 50 },
    );
    const started = performance.now();
    expect(await hanging.boroughOf('1.2.3.4')).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('with no provider (GEO_PROVIDER=none) or no IP knows nothing', async () => {
    const { g } = geolocator(null);
    expect(await g.boroughOf('198.51.100.7')).toBeNull();
    const { g: table } = geolocator(new IpTableProvider());
    expect(await table.boroughOf(null)).toBeNull();
    expect(await table.boroughOf('198.51.100.7')).toBe('brooklyn');
  });
});
