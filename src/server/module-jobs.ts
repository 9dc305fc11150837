import { analyticsJobs } from './modules/analytics/analytics-jobs.js';
import { bookingJobs } from './modules/bookings/booking-jobs.js';
import { privacyJobs } from './modules/privacy/privacy-jobs.js';
import type { ModuleJobs } from './platform/jobs/jobs.js';
import type { AppDeps } from './platform/deps.js';

/** Every module's background jobs and schedules; a module with jobs adds itself here. */
export const MODULE_JOBS: ModuleJobs<AppDeps>[] = [bookingJobs, analyticsJobs, privacyJobs];
