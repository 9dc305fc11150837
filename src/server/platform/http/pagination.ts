// Slicing a list into the page a route answers. The page and perPage parameters are in
// src/contracts/pagination.ts.

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
