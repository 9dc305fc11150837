import type { PublicAvailabilityFull } from '../../api/contracts';
import { isUiStart } from '../../../contracts/clock-time.js';
import { instantOf } from '../../lib/time';

export interface Slot {
  /** Instructor-local date and time: what the booking API takes. */
  date: string;
  time: string;
  /** The same moment as an instant, for showing in the viewer's zone. */
  startsAt: string;
}

/**
 * The start times a screen offers: the API answers every 15 minutes, screens offer the half hours
 * of the instructor's clock (PRODUCT §4), the same rule as the search cards, on the profile's week,
 * the booking steps and rescheduling alike.
 */
export const slotsOf = (a: PublicAvailabilityFull): Slot[] =>
  a.days.flatMap((d) =>
    d.startTimes
      .filter(isUiStart)
      .map((time) => ({ date: d.date, time, startsAt: instantOf(d.date, time, a.timezone) })),
  );
