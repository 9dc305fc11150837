import { ApiError, errorMessage } from './client';

/** "body.password: Password must…" → "Password must…": people are not shown where in the request. */
export const withoutPath = (message: string) => errorMessage(new ApiError(0, '', message));

/**
 * A validation error's messages per form field (the last part of each issue's path), so each shows
 * beside its own field; the first message per field wins.
 */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_ERROR') return {};
  const issues = (error.details as { issues?: { path?: unknown; message?: unknown }[] } | undefined)?.issues;
  const out: Record<string, string> = {};
  for (const i of Array.isArray(issues) ? issues : []) {
    if (typeof i.path !== 'string' || typeof i.message !== 'string') continue;
    const field = i.path.split('.').pop()!;
    out[field] ??= i.message;
  }
  return out;
}

/** The error to show above or below a form: none when every issue already sits beside its field. */
export function formLevelError(error: unknown, fields: readonly string[]): unknown {
  const byField = fieldErrors(error);
  const keys = Object.keys(byField);
  return keys.length && keys.every((k) => fields.includes(k)) ? null : error;
}
