import { describe, expect, it } from 'vitest';
import { authLink, returnPathOf } from './auth-links';

describe('header login and signup links', () => {
  it('come back to the page they were followed from', () => {
    expect(authLink('/login', returnPathOf('/search', '?q=piano'))).toBe('/login?next=%2Fsearch%3Fq%3Dpiano');
  });

  it('on a login page keep that page’s own next instead of nesting it', () => {
    const back = returnPathOf('/login', `?next=${encodeURIComponent('/lessons')}`);
    expect(back).toBe('/lessons');
    expect(authLink('/login', back)).toBe('/login?next=%2Flessons');
    expect(authLink('/signup', returnPathOf('/signup', '?next=%2Fbook%2Fa%2Fb%3Fstep%3Dreview'))).toBe(
      '/signup?next=%2Fbook%2Fa%2Fb%3Fstep%3Dreview',
    );
  });

  it('on a login or reset page without a next, or with an off-site one, go home afterwards', () => {
    expect(authLink('/login', returnPathOf('/login', ''))).toBe('/login');
    expect(authLink('/login', returnPathOf('/reset-password/abc', ''))).toBe('/login');
    expect(authLink('/login', returnPathOf('/login', '?next=%2F%2Fevil.example'))).toBe('/login');
  });
});
