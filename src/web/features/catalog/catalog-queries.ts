import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { CatalogTree, TopPerCategory } from '../../api/contracts';

// The catalog changes rarely; the server sends ETags, so a long client cache costs nothing.
/** `enabled: false` reads only what is cached (a page that merely names a category need not fetch). */
export const useTopPerCategory = (enabled = true) =>
  useQuery({
    queryKey: ['catalog', 'top'],
    queryFn: () => api<TopPerCategory>('/catalog/top-per-category'),
    staleTime: 10 * 60_000,
    enabled,
  });

export const useCatalogAll = () =>
  useQuery({
    queryKey: ['catalog', 'all'],
    queryFn: () => api<CatalogTree>('/catalog/all'),
    staleTime: 10 * 60_000,
  });

/** Searching for a service by name is what a pill or catalog link does. */
export const serviceSearchUrl = (name: string) => `/search?q=${encodeURIComponent(name)}&type=service_pill`;
