import { describe, expect, it } from 'vitest';
import { ApiError, isRetryable } from '../../api/client';
import type { Me } from '../../api/contracts';
import { routeAccess } from './route-access';

const me = (roles: string[], permissions: string[]) =>
  ({ id: 'u1', email: 'a@b.c', fullName: 'A B', roles, permissions, timezone: 'UTC' }) as unknown as Me;

describe('which pages a signed-in viewer may open before any request is made', () => {
  const teach = { role: 'instructor', otherwise: '/teach/start' } as const;

  it('a student opening a teaching page is led to become an instructor; an instructor gets in', () => {
    expect(routeAccess(me(['student'], ['create_bookings']), teach)).toEqual({
      allow: false,
      redirect: '/teach/start',
    });
    expect(routeAccess(me(['instructor'], ['manage_services']), teach)).toEqual({ allow: true });
  });

  it('an admin page needs its permission, not the admin role: no permission, not allowed (no redirect)', () => {
    const users = { permission: 'view_all_users' } as const;
    expect(routeAccess(me(['student'], ['create_bookings']), users)).toEqual({
      allow: false,
      redirect: null,
    });
    expect(routeAccess(me(['admin'], ['access_monitoring']), users)).toEqual({
      allow: false,
      redirect: null,
    });
    expect(routeAccess(me(['student'], ['view_all_users']), users)).toEqual({ allow: true });
  });
});

describe('when "Try again" is offered', () => {
  it('only for network failures, server errors and rate limits; never for a 404, 403 or 400', () => {
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isRetryable(new ApiError(503, 'UNAVAILABLE', 'down'))).toBe(true);
    expect(isRetryable(new ApiError(429, 'RATE_LIMITED', 'slow down'))).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422])
      expect(isRetryable(new ApiError(status, 'X', 'no')), String(status)).toBe(false);
  });
});
