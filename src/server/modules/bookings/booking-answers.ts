import type { Db } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { Viewer } from './booking-access.js';
import { allowedActions } from './booking-actions.js';
import type { BookingView } from './booking-row-view.js';
import { bookingView } from './booking-row-view.js';
import type { BookingRow, Participants } from './bookings.repo.js';
import { namesOf } from './bookings.repo.js';

/** The view as `auth` on `side` sees it at `now`: with the actions they may take. */
export function withActions<V extends BookingView>(view: V, side: Viewer, auth: AuthContext, now: Date) {
  return { ...view, allowedActions: allowedActions(view, side, auth.permissions, now) };
}

/** A booking as the answer to `auth` on `side`, its people known (from the same transaction). */
export const answerOf = (b: BookingRow, people: Participants, side: Viewer, auth: AuthContext, now: Date) =>
  withActions(bookingView(b, people), side, auth, now);

/** A booking as the answer to `auth` on `side`, its people read first. */
export async function loadAnswer(db: Db, b: BookingRow, side: Viewer, auth: AuthContext, now: Date) {
  const people = await namesOf(db, [b.studentId, b.instructorId]);
  return answerOf(b, people, side, auth, now);
}
