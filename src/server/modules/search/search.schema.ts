import { z } from 'zod';
import { calendarDate, idText, int, queryInt, strictParams, text } from '../../../contracts/primitives.js';
import { SEARCH_TYPES } from '../../../contracts/search.js';
import { paginationQuery } from '../../platform/http/pagination.js';
import { BOROUGH_SLUGS } from '../../../contracts/areas.generated.js';
import { AGE_GROUPS, FORMATS, LEVELS, TIMES_OF_DAY } from './query/apply-filters.js';

/**
 * A filter that overrides the parsed text; `any` clears it. Every failure, whichever check it
 * trips, answers with one message naming what is accepted.
 */
const orAny = <T extends z.ZodType>(error: string, schema: (e: { error: string }) => T) =>
  z.union([z.literal('any'), schema({ error })], { error }).optional();
const oneOf = (values: readonly string[]) => `Use one of ${values.join(', ')}, or any.`;
/** Money is in cents everywhere in the API, query parameters included. */
const CENTS = 'Use a price per hour in cents, from 100 to 1000000 ($1 to $10,000), or any.';

const filterParams = {
  priceMaxCents: orAny(CENTS, (e) => queryInt({ min: 100, max: 1_000_000, message: e.error })),
  priceMinCents: orAny(CENTS, (e) => queryInt({ min: 100, max: 1_000_000, message: e.error })),
  borough: orAny(oneOf(BOROUGH_SLUGS), (e) => z.enum(BOROUGH_SLUGS, e)),
  format: orAny(oneOf(FORMATS), (e) => z.enum(FORMATS, e)),
  level: orAny(oneOf(LEVELS), (e) => z.enum(LEVELS, e)),
  age: orAny(oneOf(AGE_GROUPS), (e) => z.enum(AGE_GROUPS, e)),
  date: orAny('Use a real date as YYYY-MM-DD (1900 to 2199), or any.', (e) => calendarDate(e.error)),
  timeOfDay: orAny(oneOf(TIMES_OF_DAY), (e) => z.enum(TIMES_OF_DAY, e)),
  duration: orAny('Use minutes from 15 to 240 in steps of 15, or any.', (e) =>
    queryInt({ min: 15, max: 240, step: 15, message: e.error }),
  ),
};

export const searchQuery = strictParams({
  q: text({
    max: 200,
    trim: false,
    typeMessage: 'Type what you are looking for.',
    maxMessage: 'Keep the search under 200 characters.',
  }).refine((q) => q.trim().length > 0, 'Type what you are looking for.'),
  type: z.enum(SEARCH_TYPES).default('natural_language'),
  sort: z.enum(['relevance', 'price', 'soonest', 'rating']).default('relevance'),
  ...paginationQuery,
  ...filterParams,
}).refine(
  (f) =>
    typeof f.priceMinCents !== 'number' ||
    typeof f.priceMaxCents !== 'number' ||
    f.priceMinCents <= f.priceMaxCents,
  { message: 'The lowest price must not be above the highest.', path: ['priceMinCents'] },
);

export const guestSessionHeader = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * Documented only: a malformed guest session is refused by the service with its own code
 * (INVALID_GUEST_SESSION), and loose so Authorization and Cookie stay on the request.
 */
const guestSessionId = z
  .string()
  .optional()
  .describe("A guest's recent searches and events are kept under this id (8-64 letters, digits, - or _).");
export const guestHeaders = z.looseObject({ 'x-guest-session-id': guestSessionId });
export const searchHeaders = z.looseObject({
  'x-guest-session-id': guestSessionId,
  'x-timezone': z
    .string()
    .optional()
    .describe(
      "A guest's IANA time zone, for dates and times in the text; unknown zones mean America/New_York.",
    ),
});

export const recordHistoryBody = z.strictObject({
  query: text({ min: 1, max: 200 }),
  searchType: z.enum(SEARCH_TYPES).default('natural_language'),
});

export const interactionBody = z.strictObject({
  searchEventId: z.uuid(),
  kind: z.enum(['view', 'click', 'book']),
  instructorServiceId: z.uuid().optional(),
  position: int({ min: 1, max: 1000 }).optional(),
  timeToInteractionMs: int({ max: 86_400_000 }).optional(),
});

export const searchHistoryQuery = strictParams({ limit: queryInt({ min: 1, max: 50 }).default(10) });
export const searchHistoryParams = strictParams({ id: idText() });
