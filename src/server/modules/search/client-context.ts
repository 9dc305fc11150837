import Bowser from 'bowser';
import type { FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { hashIp } from '../../platform/auth/tokens.js';

export interface ClientContext {
  deviceType: string;
  browser: string | null;
  os: string | null;
  referrer: string | null;
  sessionId: string | null;
  ipHash: string;
  /** What the web app may send about the viewport and connection (X-Client-Context JSON). */
  extra: Record<string, unknown> | null;
}

/** Device, browser and OS from the User-Agent (bowser); the IP only as a salted hash. */
export function clientContext(req: FastifyRequest, ipSalt: string): ClientContext {
  const referrer = req.headers.referer ?? req.headers.referrer;
  return {
    ...device(req.headers['user-agent'] ?? ''),
    referrer: typeof referrer === 'string' ? referrer.slice(0, 500) : null,
    sessionId: headerValue(req, 'x-session-id'),
    ipHash: hashIp(ipSalt, req.ip),
    extra: parseExtra(headerValue(req, 'x-client-context')),
  };
}

type Device = Pick<ClientContext, 'deviceType' | 'browser' | 'os'>;

// Few distinct User-Agents reach a server; parsing one costs more than the rest of this function.
const devices = new LRUCache<string, Device>({ max: 2_000 });

function device(ua: string): Device {
  let d = devices.get(ua);
  if (d) return d;
  const parsed = ua ? Bowser.parse(ua.slice(0, 1000)) : undefined;
  d = {
    deviceType: parsed?.platform.type ?? (ua ? 'unknown' : 'api'),
    browser: parsed?.browser.name
      ? `${parsed.browser.name} ${parsed.browser.version?.split('.')[0] ?? ''}`.trim()
      : null,
    os: parsed?.os.name ?? null,
  };
  devices.set(ua, d);
  return d;
}

function headerValue(req: FastifyRequest, name: string): string | null {
  const v = req.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s.slice(0, 200) : null;
}

/** Only small flat objects of known keys are kept; anything else is dropped, never an error. */
function parseExtra(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of ['viewportWidth', 'viewportHeight', 'connection', 'devicePixelRatio', 'language']) {
      const x = v?.[k];
      if (typeof x === 'number' || (typeof x === 'string' && x.length <= 40)) out[k] = x;
    }
    return Object.keys(out).length ? out : null;
  } catch {
    return null;
  }
}
