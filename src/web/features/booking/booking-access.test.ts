import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/contracts';
import { bookingRefusal, NO_BOOKING_PERMISSION } from './booking-access';

const student = (permissions: Me['permissions']): Me => ({
  id: 'u1',
  email: 'ada@example.com',
  fullName: 'Ada Lovelace',
  timezone: 'America/New_York',
  accountStatus: 'active',
  emailVerified: true,
  roles: ['student'],
  permissions,
});

describe('bookingRefusal', () => {
  it('lets a person with create_bookings book', () => {
    expect(bookingRefusal(student(['view_instructors', 'create_bookings']))).toBeNull();
  });

  it('says why a student whose create_bookings was revoked cannot book, whatever their role', () => {
    expect(bookingRefusal(student(['view_instructors', 'cancel_own_bookings']))).toBe(NO_BOOKING_PERMISSION);
    expect(NO_BOOKING_PERMISSION).toMatch(/cannot book/);
  });

  it('leaves a guest to sign in first rather than refusing them', () => {
    expect(bookingRefusal(null)).toBeNull();
    expect(bookingRefusal(undefined)).toBeNull();
  });
});
