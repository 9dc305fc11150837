import type { FastifyInstance } from 'fastify';
import { symbols } from 'pino';

/**
 * The messages of errors the app logs while answering (its 500 handler logs the cause), so a
 * 5xx is reported with why, not only with the generic body. The test app logs nothing else.
 */
export function captureServerErrors(app: FastifyInstance): { take(): string[] } {
  const lines: string[] = [];
  const log = app.log as unknown as Record<symbol, unknown> & { level: string };
  log.level = 'error';
  log[symbols.streamSym] = {
    write(line: string) {
      try {
        const entry = JSON.parse(line) as { err?: { message?: string }; msg?: string };
        lines.push(entry.err?.message ?? entry.msg ?? line);
      } catch {
        lines.push(line);
      }
    },
  };
  return { take: () => lines.splice(0) };
}

/** An error message with the request's own values taken out, so one cause gives one key. */
export function errorCause(message: string): string {
  return message
    .replace(/'[^']*'|"[^"]*"/g, '…')
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '<uuid>')
    .replace(/\d+/g, 'N')
    .slice(0, 120);
}
