import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { SearchResponse } from '../../api/contracts';

/** Everything the results depend on is in the URL, so a results page can be shared and reloaded. */
export const SEARCH_PARAMS = [
  'q',
  'type',
  'sort',
  'page',
  'priceMaxCents',
  'priceMinCents',
  'borough',
  'format',
  'level',
  'age',
  'date',
  'timeOfDay',
  'duration',
] as const;

export function useSearch(params: URLSearchParams) {
  const query = Object.fromEntries(
    SEARCH_PARAMS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])),
  );
  return useQuery({
    queryKey: ['search', query],
    queryFn: () => api<SearchResponse>('/search', { query: { ...query, perPage: 10 } }),
    enabled: !!query.q,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/** Analytics: which result was opened, at what position, how long after the search. Best effort. */
export function recordInteraction(body: {
  searchEventId: string;
  kind: 'view' | 'click' | 'book';
  instructorServiceId?: string;
  position?: number;
  timeToInteractionMs?: number;
}) {
  void api('/search/interactions', { method: 'POST', body }).catch(() => undefined);
}
