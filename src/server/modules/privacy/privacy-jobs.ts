import type { AppDeps } from '../../platform/deps.js';
import type { ModuleJobs } from '../../platform/jobs/jobs.js';
import { runRetention } from './retention.js';

export const RETENTION_JOB = 'privacy.retention';

export const privacyJobs: ModuleJobs<AppDeps> = {
  // Daily, at a quiet hour: periods are in days, so once a day is exact enough.
  schedules: [{ id: 'privacy-retention', job: RETENTION_JOB, pattern: '41 3 * * *' }],
  jobs: (deps) => [{ name: RETENTION_JOB, handler: () => runRetention(deps) }],
};
