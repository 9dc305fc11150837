import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';

/** A minimal EventSource for tests: a real HTTP stream read with fetch, parsed as SSE. */
export interface SseEvent {
  id: number;
  type: string;
  data: unknown;
}

export interface SseClient {
  events: SseEvent[];
  comments: string[];
  /** Resolves once `n` events have arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<SseEvent[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
  status: number;
}

export async function openSse(baseUrl: string, token: string, lastEventId?: number): Promise<SseClient> {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  // node:http without an agent: one connection per stream, gone when the stream is.
  const req = request(`${baseUrl}/api/v1/events`, {
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}),
    },
  });
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
  let buffer = '';
  const ended = new Promise<void>((resolve) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) comments.push(line);
          else {
            const i = line.indexOf(': ');
            if (i > 0) fields[line.slice(0, i)] = line.slice(i + 2);
          }
        }
        if (fields.id && fields.event) {
          events.push({ id: Number(fields.id), type: fields.event, data: JSON.parse(fields.data ?? 'null') });
        }
      }
      wake();
    });
    const done = () => {
      wake();
      resolve();
    };
    res.on('end', done);
    res.on('close', done);
    res.on('error', done);
  });
  return {
    events,
    comments,
    status: res.statusCode ?? 0,
    ended,
    close: () => req.destroy(),
    async waitFor(n, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (events.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} events, got ${events.length}`);
        await Promise.race([
          new Promise<void>((r) => waiters.push(r)),
          new Promise((r) => setTimeout(r, 200)),
        ]);
      }
      return events.slice(0, n);
    },
  };
}
