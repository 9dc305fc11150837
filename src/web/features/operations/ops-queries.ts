import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { OpsDatabase, OpsOutbox, OpsQueues, OpsRedis } from '../../api/contracts';

/** How often the numbers refresh while the page is open (and visible). */
export const REFRESH_MS = 5000;

const live = { refetchInterval: REFRESH_MS, staleTime: 0 } as const;

export const useOpsDatabase = () =>
  useQuery({
    queryKey: ['ops', 'database'],
    queryFn: () => api<OpsDatabase>('/admin/ops/database'),
    ...live,
  });

export const useOpsRedis = () =>
  useQuery({ queryKey: ['ops', 'redis'], queryFn: () => api<OpsRedis>('/admin/ops/redis'), ...live });

export const useOpsQueues = () =>
  useQuery({ queryKey: ['ops', 'queues'], queryFn: () => api<OpsQueues>('/admin/ops/queues'), ...live });

export const useOpsOutbox = (status?: string) =>
  useQuery({
    queryKey: ['ops', 'outbox', status ?? ''],
    queryFn: () => api<OpsOutbox>('/admin/ops/outbox', { query: { status: status || undefined } }),
    ...live,
  });

export function useFailedJobAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'retry' | 'discard' }) =>
      api(`/admin/ops/queues/failed/${encodeURIComponent(id)}/${action}`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ops', 'queues'] }),
  });
}

export function useResendEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/admin/ops/outbox/${id}/resend`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ops', 'outbox'] }),
  });
}
