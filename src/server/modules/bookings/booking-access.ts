import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import { sideOf } from '../../platform/access/ownership.js';
import { notFound } from '../../platform/http/errors.js';
import { isUuid } from '../../platform/ids.js';
import type { BookingRow } from './bookings.repo.js';
import { findBooking } from './bookings.repo.js';

/** The side of a booking a caller is on: one of its two people, or an administrator. */
export type Viewer = 'student' | 'instructor' | 'admin';

/**
 * The booking and which side of it the caller is on; 404 for anyone else (and for an id that
 * is not one), so a booking's existence is not told to strangers.
 */
export async function findVisibleBooking(
  db: Db,
  auth: AuthContext,
  id: string,
  adminPermission: 'view_all_bookings' | 'manage_all_bookings' = 'view_all_bookings',
): Promise<{ b: BookingRow; side: Viewer }> {
  const b = isUuid(id) ? await findBooking(db, id) : undefined;
  if (!b) throw notFound('Booking');
  const side = sideOf<'student' | 'instructor'>(
    auth,
    { student: b.studentId, instructor: b.instructorId },
    adminPermission,
    'Booking',
  );
  return { b, side };
}
