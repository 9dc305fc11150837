/**
 * The refusals of PostgreSQL that callers answer themselves (a 409 rather than a 500), by SQLSTATE
 * (PostgreSQL manual, Appendix A). Both drivers (pg and PGlite) put the SQLSTATE on `code`;
 * Drizzle wraps the driver's error and keeps it as `cause`.
 */
export type DbRefusal =
  | 'unique_violation'
  | 'exclusion_violation'
  | 'foreign_key_violation'
  | 'check_violation'
  | 'deadlock'
  | 'serialization_failure';

const BY_SQLSTATE: Readonly<Record<string, DbRefusal>> = {
  '23505': 'unique_violation',
  '23P01': 'exclusion_violation',
  '23503': 'foreign_key_violation',
  '23514': 'check_violation',
  '40P01': 'deadlock',
  '40001': 'serialization_failure',
};

const codeOf = (x: unknown): string | undefined => {
  if (typeof x !== 'object' || x === null) return undefined;
  const code = (x as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};

/** Which refusal `err` is, or undefined for any other error (or anything that is not one). */
export function dbRefusalOf(err: unknown): DbRefusal | undefined {
  const cause = typeof err === 'object' && err !== null ? (err as { cause?: unknown }).cause : undefined;
  const state = codeOf(cause) ?? codeOf(err);
  return state === undefined ? undefined : BY_SQLSTATE[state];
}
