// A page of a list: the page and perPage every paginated route takes, and the page it answers.
import { z } from 'zod';
import { queryInt, strictParams } from './primitives.js';

export const MAX_PER_PAGE = 100;
const MAX_PAGE = 100_000;

/** page ≥ 1; perPage defaults to 20 and a larger value is clamped to 100, not refused. */
export const paginationQuery = {
  page: queryInt({ min: 1, max: MAX_PAGE, message: `Use a page number from 1 to ${MAX_PAGE}.` }).default(1),
  // Clamped, not refused, up to the int4 ceiling; past that the number is nonsense.
  perPage: queryInt({
    min: 1,
    message: `Use a whole number of at least 1 (more than ${MAX_PER_PAGE} reads as ${MAX_PER_PAGE}).`,
  })
    .default(20)
    .transform((n) => Math.min(n, MAX_PER_PAGE)),
};

/** The query string of a route that takes only page and perPage. */
export const paginationQueryString = strictParams(paginationQuery);

export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.int().min(0),
    page: z.int().min(1),
    perPage: z.int().min(1),
  });
