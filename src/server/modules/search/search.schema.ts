import { z } from 'zod';
import { paginationQuery } from '../../platform/http/pagination.js';
import { AGE_GROUPS, BOROUGH_SLUGS, FORMATS, LEVELS, TIMES_OF_DAY } from './query/apply-filters.js';

/**
 * A filter that overrides the parsed text; `any` clears it. Every failure, whichever check it
 * trips, answers with one message naming what is accepted.
 */
const orAny = <T extends z.ZodType>(error: string, schema: (e: { error: string }) => T) =>
  z.union([z.literal('any'), schema({ error })], { error }).optional();
const oneOf = (values: readonly string[]) => `Use one of ${values.join(', ')}, or any.`;
const DOLLARS = 'Use whole dollars from 1 to 10000, or any.';

const filterParams = {
  priceMax: orAny(DOLLARS, (e) => z.coerce.number(e).int(e).min(1, e).max(10_000, e)),
  priceMin: orAny(DOLLARS, (e) => z.coerce.number(e).int(e).min(1, e).max(10_000, e)),
  borough: orAny(oneOf(BOROUGH_SLUGS), (e) => z.enum(BOROUGH_SLUGS, e)),
  format: orAny(oneOf(FORMATS), (e) => z.enum(FORMATS, e)),
  level: orAny(oneOf(LEVELS), (e) => z.enum(LEVELS, e)),
  age: orAny(oneOf(AGE_GROUPS), (e) => z.enum(AGE_GROUPS, e)),
  date: orAny('Use a real date as YYYY-MM-DD, or any.', (e) => z.iso.date(e)),
  timeOfDay: orAny(oneOf(TIMES_OF_DAY), (e) => z.enum(TIMES_OF_DAY, e)),
  duration: orAny('Use minutes from 15 to 240 in steps of 15, or any.', (e) =>
    z.coerce.number(e).int(e).min(15, e).max(240, e).multipleOf(15, e),
  ),
};

export const searchQuery = z
  .object({
    q: z
      .string({ message: 'Type what you are looking for.' })
      .max(200, 'Keep the search under 200 characters.')
      .refine((q) => q.trim().length > 0, 'Type what you are looking for.'),
    type: z
      .enum(['natural_language', 'category', 'service_pill', 'filter', 'search_history'])
      .default('natural_language'),
    sort: z.enum(['relevance', 'price', 'soonest', 'rating']).default('relevance'),
    ...paginationQuery,
    ...filterParams,
  })
  .refine(
    (f) => typeof f.priceMin !== 'number' || typeof f.priceMax !== 'number' || f.priceMin <= f.priceMax,
    { message: 'The lowest price must not be above the highest.', path: ['priceMin'] },
  );

export const guestSessionHeader = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const recordHistoryBody = z.strictObject({
  query: z.string().trim().min(1).max(200),
  searchType: z
    .enum(['natural_language', 'category', 'service_pill', 'filter', 'search_history'])
    .default('natural_language'),
});

export const interactionBody = z.strictObject({
  searchEventId: z.uuid(),
  kind: z.enum(['view', 'click', 'book']),
  instructorServiceId: z.uuid().optional(),
  position: z.number().int().min(1).max(1000).optional(),
  timeToInteractionMs: z.number().int().min(0).max(86_400_000).optional(),
});
