import type { AppDeps } from '../../platform/deps.js';
import type { ModuleJobs } from '../../platform/jobs/jobs.js';
import { recomputeServiceAnalytics } from './service-analytics.js';

export const SERVICE_ANALYTICS_JOB = 'analytics.service-demand';

export const analyticsJobs: ModuleJobs<AppDeps> = {
  // Hourly: demand drifts over days; the catalog snapshot that ranking reads refreshes within a minute.
  schedules: [{ id: 'analytics-service-demand', job: SERVICE_ANALYTICS_JOB, pattern: '23 * * * *' }],
  jobs: (deps) => [
    {
      name: SERVICE_ANALYTICS_JOB,
      handler: async () => {
        const started = performance.now();
        const services = await recomputeServiceAnalytics(deps.db, deps.clock.now());
        deps.log.info(
          { services, ms: Math.round(performance.now() - started) },
          'service analytics recomputed',
        );
      },
    },
  ],
};
