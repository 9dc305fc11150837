import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AnalyticsReport, AnalyticsReportName } from '../../api/contracts';

export const RANGES = ['7', '30', '90'] as const;
export type RangeDays = (typeof RANGES)[number];

const FIVE_MINUTES = 5 * 60_000;

/** One report over the last `days` days; refreshed every five minutes while the page is open. */
export function useReport<N extends AnalyticsReportName>(name: N, days: RangeDays) {
  return useQuery({
    queryKey: ['admin-analytics', name, days],
    queryFn: () => api<AnalyticsReport<N>>(`/admin/analytics/search/${name}`, { query: { days } }),
    refetchInterval: FIVE_MINUTES,
  });
}

export const csvHref = (name: AnalyticsReportName, days: RangeDays) =>
  `/api/v1/admin/analytics/search/${name}.csv?days=${days}`;
