/** One API call's outcome as the client saw it: a status, or a transport error / timeout. */
export interface Answer<T = unknown> {
  status: number; // 0 = no HTTP answer (connection refused, reset, timed out)
  body: T;
  ms: number;
  error?: string;
  headers?: Headers;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export async function call<T = unknown>(
  base: string,
  method: string,
  path: string,
  o: CallOptions = {},
): Promise<Answer<T>> {
  const started = performance.now();
  const headers: Record<string, string> = { ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(base + path, {
      method,
      headers,
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 5000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (an HTML error page, a 304): keep the text.
    }
    return { status: res.status, body: body as T, ms: performance.now() - started, headers: res.headers };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const kind = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name);
    return { status: 0, body: null as T, ms: performance.now() - started, error: kind };
  }
}

/** The API's error code ({ error: { code } }), or undefined. */
export const errorCode = (a: Answer): string | undefined =>
  a.body && typeof a.body === 'object' ? (a.body as { error?: { code?: string } }).error?.code : undefined;

/** "200", "409 BOOKING_CONFLICT", "timeout"...: how failures are counted by kind. */
export const outcomeOf = (a: Answer): string =>
  a.status === 0 ? (a.error ?? 'no answer') : `${a.status}${errorCode(a) ? ' ' + errorCode(a) : ''}`;

/** Counts of outcomes per request kind, e.g. { search: { '200': 412, timeout: 3 } }. */
export class Tally {
  readonly byKind: Record<string, Record<string, number>> = {};

  add(kind: string, a: Answer) {
    const k = (this.byKind[kind] ??= {});
    const o = outcomeOf(a);
    k[o] = (k[o] ?? 0) + 1;
  }

  total(kind?: string): number {
    return Object.entries(this.byKind)
      .filter(([k]) => !kind || k === kind)
      .reduce((n, [, o]) => n + Object.values(o).reduce((a, b) => a + b, 0), 0);
  }

  /** Everything that is not a 2xx. */
  failures(kind?: string): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, outcomes] of Object.entries(this.byKind)) {
      if (kind && k !== kind) continue;
      for (const [o, n] of Object.entries(outcomes)) if (!/^2\d\d$/.test(o)) out[`${k} ${o}`] = n;
    }
    return out;
  }

  failureCount(): number {
    return Object.values(this.failures()).reduce((a, b) => a + b, 0);
  }
}
