import type { Me } from '../../api/contracts';
import { can } from '../auth/can';

export const NO_BOOKING_PERMISSION =
  'Booking lessons is turned off for your account, so you cannot book this lesson. ' +
  'Contact support if you think this is a mistake.';

/**
 * Why this person cannot book, as a sentence to show instead of the booking button; null when they
 * may book. A guest may: they sign in first, and are asked again with their account.
 */
export function bookingRefusal(me: Me | null | undefined): string | null {
  if (!me) return null;
  return can(me, 'create_bookings') ? null : NO_BOOKING_PERMISSION;
}
