import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SearchHistoryPage } from '../../api/contracts';

export const historyKey = ['search-history'] as const;

/** The home page shows the 3 most recent searches (PRODUCT §6). */
export const RECENT_ON_HOME = 3;

/** Recent searches of the signed-in user or, for a guest, of this browser's guest session. */
export const useRecentSearches = () =>
  useQuery({
    queryKey: historyKey,
    queryFn: () => api<SearchHistoryPage>('/search-history', { query: { limit: RECENT_ON_HOME } }),
  });

export function useDeleteSearch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/search-history/${id}`, { method: 'DELETE' }),
    onMutate: async (id) => {
      // Gone from the list at once; restored if the server refuses.
      await qc.cancelQueries({ queryKey: historyKey });
      const before = qc.getQueryData<SearchHistoryPage>(historyKey);
      if (before) qc.setQueryData(historyKey, { ...before, items: before.items.filter((h) => h.id !== id) });
      return { before };
    },
    onError: (_e, _id, ctx) => ctx?.before && qc.setQueryData(historyKey, ctx.before),
    onSettled: () => qc.invalidateQueries({ queryKey: historyKey }),
  });
}
