import { browserZone } from '../lib/time';

/** The one way the web app talks to the API: JSON in and out, cookie session, typed errors. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const GUEST_KEY = 'ii.guestSession';

/** A random id that lets a guest keep recent searches; the server merges them at login. */
export function guestSessionId(): string {
  let id = localStorage.getItem(GUEST_KEY);
  if (!id) {
    id = crypto.randomUUID().replaceAll('-', '');
    localStorage.setItem(GUEST_KEY, id);
  }
  return id;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-guest-session-id': guestSessionId(),
    'x-timezone': browserZone(),
    ...opts.headers,
  };
  // A file (a photo) goes as its raw bytes; the server reads its type from them, not from here.
  const file = opts.body instanceof Blob ? opts.body : undefined;
  if (file) headers['content-type'] = 'application/octet-stream';
  else if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(withQuery(`/api/v1${path}`, opts.query), {
    method: opts.method ?? 'GET',
    headers,
    body: file ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    credentials: 'same-origin',
    signal: opts.signal,
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? `The server answered ${res.status}.`,
      err?.details,
    );
  }
  return data as T;
}

/** "body.password: …" → "…": where in the request a problem was is not for people to read. */
const inWords = (message: string) =>
  message.replace(/^(?:body|querystring|params|headers)(?:\.[\w[\]]+)*: /, '');

/**
 * Whether asking again may give another answer: a network failure, a server error or a rate
 * limit may pass; a 4xx (not found, not allowed, bad input) will not.
 */
export const isRetryable = (e: unknown): boolean =>
  !(e instanceof ApiError) || e.status >= 500 || e.status === 429;

export const isNotFound = (e: unknown): boolean => e instanceof ApiError && e.status === 404;

export const errorMessage = (e: unknown): string =>
  e instanceof ApiError ? inWords(e.message) : e instanceof Error ? e.message : 'Something went wrong.';
