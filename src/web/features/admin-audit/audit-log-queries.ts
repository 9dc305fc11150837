import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditLogPage } from '../../api/contracts';

export interface AuditFilters {
  action?: string;
  actorId?: string;
  targetUserId?: string;
}

const PAGE = 50;

/** Newest first; "Show older" asks for the page before the last one. */
export const useAuditLog = (f: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['admin', 'audit-log', f],
    queryFn: ({ pageParam }) =>
      api<AuditLogPage>('/admin/audit-log', { query: { ...f, before: pageParam, limit: PAGE } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
