import { z } from 'zod';

export const MAX_PER_PAGE = 100;

/** page ≥ 1; perPage defaults to 20 and a larger value is clamped to 100, not refused. */
export const paginationQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .transform((n) => Math.min(n, MAX_PER_PAGE)),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
}

export const offsetOf = (page: number, perPage: number) => (page - 1) * perPage;

export function pageOf<T>(all: T[], page: number, perPage: number): Page<T> {
  const start = offsetOf(page, perPage);
  return { items: all.slice(start, start + perPage), total: all.length, page, perPage };
}
