import { safeNext } from './safe-next';

const AUTH_PAGES = ['/login', '/signup', '/reset-password'];

/**
 * Where the header's "Log in" and "Sign up" links send people back to: the page they are on, or,
 * on a login or signup page, the place that page already returns to (never a login page inside
 * another login page's `next`).
 */
export function returnPathOf(pathname: string, search: string): string {
  const onAuthPage = AUTH_PAGES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!onAuthPage) return pathname + search;
  return safeNext(new URLSearchParams(search).get('next'));
}

/** `/login?next=…` for the return path, without `next` when it would only say "home". */
export function authLink(page: '/login' | '/signup', returnPath: string): string {
  return returnPath === '/' ? page : `${page}?next=${encodeURIComponent(returnPath)}`;
}
