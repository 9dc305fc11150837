/** One Server-Sent Event: `id:` lets the browser resume with Last-Event-ID after a drop. */
export function sseEvent(id: number, type: string, data: unknown): string {
  // JSON.stringify never emits a raw line break, so `data:` is always one line.
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** A comment line: ignored by EventSource, keeps proxies from closing an idle stream. */
export const sseHeartbeat = (): string => `: heartbeat ${Date.now()}\n\n`;

/** Reads a Last-Event-ID: only a plain non-negative integer counts; anything else means "from now". */
export function parseLastEventId(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}
