import type { AppDeps } from '../../platform/deps.js';
import type { InstructorSchedule } from './schedule.repo.js';
import { loadInstructorSchedule } from './schedule.repo.js';

/** Public availability responses are cached under this prefix per instructor. */
export const availabilityCachePrefix = (instructorId: string) => `avail:${instructorId}:`;

export class AvailabilityService {
  constructor(private readonly deps: AppDeps) {}

  schedule(
    instructorId: string,
    fromDate: string,
    toDate: string,
    opts?: { excludeBookingId?: string },
  ): Promise<InstructorSchedule | null> {
    return loadInstructorSchedule(this.deps.db, instructorId, fromDate, toDate, opts);
  }

  /** Any availability, blackout, profile or booking change of this instructor calls this. */
  async invalidate(instructorId: string): Promise<void> {
    await this.deps.cache.delByPrefix(availabilityCachePrefix(instructorId));
  }
}
