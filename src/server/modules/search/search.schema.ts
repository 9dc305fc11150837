import { z } from 'zod';
import { paginationQuery } from '../../platform/http/pagination.js';

export const searchQuery = z.object({
  q: z
    .string({ message: 'Type what you are looking for.' })
    .max(200, 'Keep the search under 200 characters.')
    .refine((q) => q.trim().length > 0, 'Type what you are looking for.'),
  type: z
    .enum(['natural_language', 'category', 'service_pill', 'filter', 'search_history'])
    .default('natural_language'),
  sort: z.enum(['relevance', 'price', 'soonest', 'rating']).default('relevance'),
  ...paginationQuery,
});

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
