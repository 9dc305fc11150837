import { BOOKING_SCHEDULES } from '../../modules/bookings/booking-jobs.js';
import type { JobRunner } from './jobs.js';

/** Every recurring job of the platform; registered by the processes that run jobs. */
export const SCHEDULES = [...BOOKING_SCHEDULES];

export async function registerSchedules(jobs: JobRunner): Promise<void> {
  for (const s of SCHEDULES) await jobs.schedule(s);
}
