import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Database } from './client.js';

export type QueryObserver = (operation: string, seconds: number) => void;

const OPERATIONS = new Set(['select', 'insert', 'update', 'delete', 'with']);

/** The statement's first keyword, so the label set stays small whatever the SQL. */
export function operationOf(text: unknown): string {
  const sql = typeof text === 'string' ? text : (text as { text?: unknown } | null)?.text;
  if (typeof sql !== 'string') return 'other';
  const word = /^\s*([a-z]+)/i.exec(sql)?.[1]?.toLowerCase() ?? '';
  return OPERATIONS.has(word) ? word : 'other';
}

type QueryFn = (...args: unknown[]) => unknown;

/** Times every call of `target.query` that returns a promise (callback-style calls pass through). */
function wrapQuery(target: { query: QueryFn }, observe: QueryObserver): void {
  const original = target.query.bind(target);
  target.query = (...args: unknown[]) => {
    const started = performance.now();
    const result = original(...args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      const done = () => observe(operationOf(args[0]), (performance.now() - started) / 1000);
      (result as Promise<unknown>).then(done, done);
    }
    return result;
  };
}

/**
 * Observes every statement's duration, whoever issues it (Drizzle, raw SQL, migrations): on
 * PostgreSQL each pooled connection's `query` is wrapped as it connects, on PGlite the client's.
 */
export function observeQueries(database: Database, observe: QueryObserver): void {
  if (database.pglite) {
    wrapQuery(database.pglite as unknown as PGlite & { query: QueryFn }, observe);
  } else if (database.pool) {
    database.pool.on('connect', (client: pg.PoolClient) =>
      wrapQuery(client as unknown as { query: QueryFn }, observe),
    );
  }
}
