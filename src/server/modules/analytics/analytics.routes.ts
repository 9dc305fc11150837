import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ANALYTICS_REPORTS,
  type AnalyticsReportName,
  analyticsCsv,
  analyticsRangeQuery,
  serviceAnalyticsList,
  serviceAnalyticsQuery,
} from '../../../contracts/analytics.js';
import { errorResponse } from '../../../contracts/errors.js';
import { reportCsv } from './analytics-csv.js';
import type { AnalyticsService } from './analytics.service.js';

const opId = (name: string, suffix = '') =>
  'getSearch' + name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()) + 'Report' + suffix;

/** `/admin/analytics/search/<report>` as JSON and `<report>.csv` for every report there is. */
export const analyticsRoutes =
  (analytics: AnalyticsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin', 'analytics'];
    app.get(
      '/admin/analytics/services',
      {
        config: { permission: 'view_system_analytics' },
        schema: {
          operationId: 'listServiceAnalytics',
          summary: 'Per-service demand from the service-analytics job’s last run, most demanded first.',
          tags,
          querystring: serviceAnalyticsQuery,
          response: { 200: serviceAnalyticsList },
        },
      },
      async (req) => analytics.serviceAnalytics(req.query.limit),
    );
    for (const name of Object.keys(ANALYTICS_REPORTS) as AnalyticsReportName[]) {
      app.get(
        `/admin/analytics/search/${name}`,
        {
          config: { permission: 'view_system_analytics' },
          schema: {
            operationId: opId(name),
            summary: `The ${name} search report over a range of days in my time zone.`,
            tags,
            querystring: analyticsRangeQuery,
            response: { 200: ANALYTICS_REPORTS[name] },
          },
        },
        async (req) => analytics.report(req.auth!, name, req.query),
      );

      app.get(
        `/admin/analytics/search/${name}.csv`,
        {
          config: { permission: 'export_analytics' },
          schema: {
            operationId: opId(name, 'Csv'),
            summary: `The ${name} search report as a CSV download.`,
            tags,
            querystring: analyticsRangeQuery,
            response: {
              200: {
                description: 'The report as CSV (an attachment).',
                content: { 'text/csv': { schema: analyticsCsv } },
              },
              403: errorResponse,
            },
          },
        },
        async (req, reply) => {
          const report = await analytics.exportReport(req.auth!, name, req.query);
          const { from, to } = report.range;
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="search-${name}-${from}-${to}.csv"`)
            .send(reportCsv(name, report));
        },
      );
    }
  };
