import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('where the login page may send someone afterwards', () => {
  it('follows a same-site path with its query', () => {
    expect(safeNext('/book/a/b?date=2026-11-25&time=16:00&step=review')).toBe(
      '/book/a/b?date=2026-11-25&time=16:00&step=review',
    );
  });

  it('refuses other sites, protocol-relative and backslash tricks, and nothing at all', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      null,
      '',
    ]) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
