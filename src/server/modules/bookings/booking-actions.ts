import type { BookingAction } from '../../../contracts/bookings.js';
import { BOOKING_ACTIONS } from '../../../contracts/bookings.js';
import type { PermissionName } from '../../platform/access/permissions.js';
import type { AppError } from '../../platform/http/errors.js';
import { notFound, unprocessable } from '../../platform/http/errors.js';
import { permissionRefusal } from '../../platform/access/require-permission.js';
import { RESCHEDULE_MIN_HOURS } from '../../../contracts/money.js';
import type { Viewer } from './booking-access.js';

/** What the rules look at: the lesson's state and times (Date or ISO, as a view holds them). */
export interface LessonState {
  status: string;
  startsAt: Date | string;
  endsAt: Date | string;
}

const ms = (t: Date | string) => (typeof t === 'string' ? Date.parse(t) : t.getTime());

/** The permission each side needs for each action; a side missing from a row may never do it. */
const NEEDS: Record<BookingAction, Partial<Record<Viewer, PermissionName>>> = {
  cancel: {
    student: 'cancel_own_bookings',
    instructor: 'cancel_student_bookings',
    admin: 'manage_all_bookings',
  },
  reschedule: { student: 'cancel_own_bookings', admin: 'manage_all_bookings' },
  complete: { instructor: 'complete_bookings', admin: 'manage_all_bookings' },
  no_show: { instructor: 'complete_bookings', admin: 'manage_all_bookings' },
};

/** Any of these lets a caller reach the action's route; the side-specific one is checked here. */
export const routePermissionsOf = (action: BookingAction): PermissionName[] => [
  ...new Set(Object.values(NEEDS[action])),
];

/**
 * Why `side` may not do `action` to the lesson now, or null when it may: the one rule both the
 * enforcement (the service throws it) and the `allowedActions` a booking carries come from.
 */
export function refusalOf(
  action: BookingAction,
  lesson: LessonState,
  side: Viewer,
  permissions: ReadonlySet<PermissionName>,
  now: Date,
): AppError | null {
  const need = NEEDS[action][side];
  if (!need) {
    // A student has no business with outcomes: as if the lesson did not exist for them.
    if (action === 'complete' || action === 'no_show') return notFound('Booking');
    return unprocessable('STUDENT_ONLY', 'Only the student can reschedule; cancel instead.');
  }
  const missing = permissionRefusal(permissions, need);
  if (missing) return missing;
  const start = ms(lesson.startsAt);
  const t = now.getTime();
  switch (action) {
    case 'cancel':
      if (lesson.status !== 'confirmed')
        return unprocessable('NOT_CANCELLABLE', `A ${lesson.status} lesson cannot be cancelled.`);
      if (side === 'student' && start <= t)
        return unprocessable(
          'LESSON_STARTED',
          'The lesson has started; the instructor marks it completed or no-show.',
        );
      return null;
    case 'reschedule':
      if (lesson.status !== 'confirmed')
        return unprocessable('NOT_RESCHEDULABLE', `A ${lesson.status} lesson cannot be moved.`);
      if (start - t < RESCHEDULE_MIN_HOURS * 3_600_000)
        return unprocessable(
          'RESCHEDULE_TOO_LATE',
          `Lessons can be moved until ${RESCHEDULE_MIN_HOURS} hours before they start.`,
        );
      return null;
    case 'complete':
    case 'no_show':
      if (lesson.status !== 'confirmed')
        return unprocessable('INVALID_TRANSITION', `A ${lesson.status} lesson cannot change.`);
      if (action === 'complete' && ms(lesson.endsAt) > t)
        return unprocessable('LESSON_NOT_ENDED', 'A lesson can be completed once it has ended.');
      if (action === 'no_show' && start > t)
        return unprocessable('LESSON_NOT_STARTED', 'A no-show can be recorded once the lesson has started.');
      return null;
  }
}

/** The actions `side` could take on the lesson right now. */
export function allowedActions(
  lesson: LessonState,
  side: Viewer,
  permissions: ReadonlySet<PermissionName>,
  now: Date,
): BookingAction[] {
  return BOOKING_ACTIONS.filter((a) => refusalOf(a, lesson, side, permissions, now) === null);
}

/** Throws why `side` may not do `action` now (404, 403 or 422): the rule allowedActions lists. */
export function assertMay(
  action: BookingAction,
  lesson: LessonState,
  side: Viewer,
  permissions: ReadonlySet<PermissionName>,
  now: Date,
): void {
  const refusal = refusalOf(action, lesson, side, permissions, now);
  if (refusal) throw refusal;
}
