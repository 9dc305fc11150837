import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage } from './client';
import { fieldErrors, formLevelError, withoutPath } from './field-errors';

const validation = (issues: { path: string; message: string }[]) =>
  new ApiError(400, 'VALIDATION_ERROR', `${issues[0]!.path}: ${issues[0]!.message}`, { issues });

describe('validation errors in words', () => {
  it('drops the request path from a message', () => {
    expect(withoutPath('body.password: Password must contain a digit.')).toBe(
      'Password must contain a digit.',
    );
    expect(withoutPath('querystring.q: Keep the search under 200 characters.')).toBe(
      'Keep the search under 200 characters.',
    );
    expect(withoutPath('Booking not found.')).toBe('Booking not found.');
    expect(errorMessage(validation([{ path: 'querystring.q', message: 'Keep it short.' }]))).toBe(
      'Keep it short.',
    );
  });

  it('gives each field its first message, keyed by the field name', () => {
    const e = validation([
      { path: 'body.password', message: 'Password must contain a digit.' },
      { path: 'body.password', message: 'Password must contain an upper-case letter.' },
      { path: 'body.email', message: 'Use a real email address.' },
    ]);
    expect(fieldErrors(e)).toEqual({
      password: 'Password must contain a digit.',
      email: 'Use a real email address.',
    });
    expect(formLevelError(e, ['email', 'password'])).toBeNull();
    expect(formLevelError(e, ['password'])).toBe(e);
  });

  it('has no field errors for other failures', () => {
    const conflict = new ApiError(409, 'EMAIL_TAKEN', 'That email already has an account.');
    expect(fieldErrors(conflict)).toEqual({});
    expect(formLevelError(conflict, ['email'])).toBe(conflict);
  });
});
