import type { FuzzRequest } from './request-arbitrary.js';
import type { TableChange } from './table-snapshot.js';

export type ViolationKind =
  'server-error' | 'bad-error-body' | 'rows-changed' | 'not-refused' | 'not-405' | 'health';

export interface Violation {
  kind: ViolationKind;
  /** Route + status + error: what defects are deduplicated by. */
  key: string;
  /**
   * One cause behind many keys (every path answering 404 to a wrong method): shrunk once.
   * A 5xx or a write stays per route, since two routes' 500s are rarely the same bug.
   */
  family: string;
  detail: string;
}

export interface Answer {
  status: number;
  body: string;
  contentType: string | undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with a 4xx body, measured against `{ error: { code, message, details? } }`. */
export function errorBodyProblem(body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `not JSON: ${JSON.stringify(body.slice(0, 80))}`;
  }
  if (!isPlainObject(parsed)) return `not an object: ${body.slice(0, 80)}`;
  const top = Object.keys(parsed).sort();
  if (top.join() !== 'error') return `top-level keys [${top.join(', ')}]`;
  const e = parsed.error;
  if (!isPlainObject(e)) return '`error` is not an object';
  if (typeof e.code !== 'string' || e.code === '') return '`error.code` is not a non-empty string';
  if (typeof e.message !== 'string') return '`error.message` is not a string';
  if ('details' in e && !isPlainObject(e.details)) return '`error.details` is not an object';
  const extra = Object.keys(e).filter((k) => !['code', 'message', 'details'].includes(k));
  if (extra.length) return `extra keys in error: [${extra.join(', ')}]`;
  return undefined;
}

export function errorCodeOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown }; code?: unknown };
    const code = parsed?.error?.code ?? parsed?.code;
    return typeof code === 'string' ? code : '-';
  } catch {
    return '-';
  }
}

/** The properties every answer must have; `changes` are the tables a 4xx moved. */
export function checkAnswer(req: FuzzRequest, res: Answer, changes: TableChange[]): Violation[] {
  const out: Violation[] = [];
  const code = errorCodeOf(res.body);
  const at = `${req.route} ${res.status} ${code}`;
  if (res.status >= 500) {
    out.push({ kind: 'server-error', key: at, family: at, detail: res.body.slice(0, 300) });
  }
  if (res.status >= 400 && res.status < 500) {
    // HEAD answers carry no body by definition.
    const problem = req.method === 'HEAD' ? undefined : errorBodyProblem(res.body);
    if (problem) {
      out.push({
        kind: 'bad-error-body',
        key: `${req.route} ${res.status} bad body: ${problem}`,
        family: `bad-error-body ${res.status} ${problem}`,
        detail: res.body.slice(0, 300),
      });
    }
    if (changes.length) {
      const tables = changes.map((c) => c.table).join(', ');
      out.push({
        kind: 'rows-changed',
        key: `${at} changed ${tables}`,
        family: `${at} changed ${tables}`,
        detail: changes
          .map((c) => `${c.table}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)
          .join('; '),
      });
    }
  }
  if (req.expect === 405 && res.status !== 405 && res.status < 500) {
    out.push({
      kind: 'not-405',
      key: `${req.route} ${res.status} ${code}`,
      family: `wrong method answered ${res.status} ${code}`,
      detail: res.body.slice(0, 200),
    });
  }
  if (req.expect === 'refused' && res.status < 400) {
    out.push({
      kind: 'not-refused',
      key: `${req.route} ${res.status} accepted ${req.kind}`,
      family: `accepted ${req.kind}`,
      detail: `${req.note ?? ''} → ${res.body.slice(0, 200)}`,
    });
  }
  return out;
}
