// What the search routes take and answer: results with what was understood, recent searches, and the
// acknowledgements of interactions. Shared by the server and the web app, so nothing here may
// import server code. The search answer is the hot path: per-result fields stay flat types.
import { z } from 'zod';
import { BOROUGH_SLUGS } from './areas.generated.js';
import { ageGroup, area, level, locationType, serviceRef } from './instructors.js';
import { AGE_GROUPS, LESSON_FORMATS, LESSON_MINUTES, LEVELS, TIMES_OF_DAY } from './lesson-vocabulary.js';
import { page, paginationQuery } from './pagination.js';
import { calendarDate, idText, int, queryInt, strictParams, text } from './primitives.js';

/** Where a search came from: typed text, a category or service pill, the filters, a recent search. */
export const SEARCH_TYPES = [
  'natural_language',
  'category',
  'service_pill',
  'filter',
  'search_history',
] as const;
export const searchType = z.enum(SEARCH_TYPES);
export type SearchType = z.infer<typeof searchType>;

export const interpretation = z
  .enum(['service', 'multi_service', 'category', 'broad'])
  .describe('How the text was read: one service, several, a category, or nothing specific.');
export type Interpretation = z.infer<typeof interpretation>;

export const matchKind = z
  .enum(['exact', 'alias', 'fuzzy', 'semantic'])
  .describe('How the text named the service: its name, an alias, a near spelling, or its meaning.');
export type MatchKind = z.infer<typeof matchKind>;

export const timeOfDay = z.enum(TIMES_OF_DAY);
export type TimeOfDay = z.infer<typeof timeOfDay>;

export const lessonFormat = z.enum(LESSON_FORMATS);
export type LessonFormat = z.infer<typeof lessonFormat>;

// ── Requests ────────────────────────────────────────────────────────────────────────────────

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
  format: orAny(oneOf(LESSON_FORMATS), (e) => z.enum(LESSON_FORMATS, e)),
  level: orAny(oneOf(LEVELS), (e) => z.enum(LEVELS, e)),
  age: orAny(oneOf(AGE_GROUPS), (e) => z.enum(AGE_GROUPS, e)),
  date: orAny('Use a real date as YYYY-MM-DD (1900 to 2199), or any.', (e) => calendarDate(e.error)),
  timeOfDay: orAny(oneOf(TIMES_OF_DAY), (e) => z.enum(TIMES_OF_DAY, e)),
  duration: orAny('Use minutes from 15 to 240 in steps of 15, or any.', (e) =>
    queryInt({ ...LESSON_MINUTES, message: e.error }),
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

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

export const parsedService = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), matchedBy: matchKind })
  .describe('A catalog service the text named.');
export type ParsedService = z.infer<typeof parsedService>;

export const searchParsed = z
  .object({
    services: z.array(parsedService),
    /** The category slug the text named, when it named no service. */
    category: z.string().nullable(),
    priceMinCents: z.int().min(0).nullable(),
    /** The asked ceiling, or the cheap quartile's top when the text said "cheap". */
    priceMaxCents: z.int().min(0).nullable(),
    cheap: z.boolean(),
    /** First and last asked day, YYYY-MM-DD, in the searcher's zone. */
    date: z.string().nullable(),
    dateTo: z.string().nullable(),
    timeOfDay: timeOfDay.nullable(),
    /** The asked hours as minutes after midnight, in the searcher's zone. */
    timeFromMinutes: z.int().min(0).nullable(),
    timeToMinutes: z.int().min(0).nullable(),
    /** A borough slug. */
    borough: z.string().nullable(),
    /** A neighbourhood slug. */
    neighborhood: z.string().nullable(),
    /** The text said "near me" (or "nearby", "close to me"…) and named no place. */
    nearMe: z.boolean(),
    /** Where `borough` came from: named in the text or chosen (`named`), or the searcher's IP (`near_me`). */
    boroughSource: z.enum(['named', 'near_me']).nullable(),
    /** "near me" was asked but where the searcher is could not be told: no place narrowed the results. */
    locationUnknown: z.boolean(),
    format: lessonFormat.nullable(),
    level: level.nullable(),
    ageGroup: ageGroup.nullable(),
    durationMinutes: z.int().min(0).nullable(),
    /** Words of the text that matched nothing. */
    unmatchedWords: z.array(z.string()),
  })
  .describe('What the search understood, the filters included; null where it understood nothing.');
export type SearchParsed = z.infer<typeof searchParsed>;

export const nextTime = z
  .object({
    /** ISO-8601 UTC. */
    startsAt: z.string(),
    /** The instructor's local date (YYYY-MM-DD) and time (HH:MM), as the booking API takes them. */
    date: z.string(),
    time: z.string(),
  })
  .describe('A bookable start time.');
export type NextTime = z.infer<typeof nextTime>;

export const searchResult = z
  .object({
    instructorServiceId: z.string(),
    instructor: z
      .object({
        id: z.string(),
        /** First name and last initial. */
        name: z.string(),
        areas: z.array(area),
        /** Null when there is no photo (the client draws a placeholder). */
        photoUrl: z.string().nullable(),
      })
      .describe('The instructor who offers it.'),
    service: serviceRef,
    hourlyRateCents: z.int().min(0),
    /** Lesson lengths offered, in minutes. */
    durations: z.array(z.int()),
    locationTypes: z.array(locationType),
    levels: z.array(level),
    ageGroups: z.array(ageGroup),
    /** The first bookable start (ISO-8601 UTC) within the asked time, null when none is known. */
    nextAvailableAt: z.string().nullable(),
    /** The first free start and the next half hours that day. */
    nextTimes: z.array(nextTime),
    /** The instructor's mean stars over published reviews, null while there are none. */
    rating: z.number().nullable(),
    reviewCount: z.int().min(0),
    /** The same for this offering (instructor and service) alone. */
    offeringRating: z.object({ rating: z.number(), reviewCount: z.int().min(1) }).nullable(),
    /** Why it matched, in words. */
    matchReason: z.string(),
  })
  .describe('An offering that matches the search.');
export type SearchResult = z.infer<typeof searchResult>;

/** What a search that found nothing let go of, in this fixed order, until results appeared. */
export const RELAX_KINDS = ['place', 'format', 'time', 'date', 'price', 'service'] as const;
export const relaxKind = z.enum(RELAX_KINDS);
export type RelaxKind = z.infer<typeof relaxKind>;

export const relaxedStep = z
  .object({
    kind: relaxKind,
    /** What was asked, in words ("Staten Island", "under $21/h", "Kids Piano"). */
    from: z.string(),
    /** What the results show instead ("6 in Brooklyn, 3 online", "any price", "Piano, taught to kids"). */
    to: z.string(),
  })
  .describe('One constraint the search relaxed because, as asked, nothing matched.');
export type RelaxedStep = z.infer<typeof relaxedStep>;

export const didYouMean = z
  .object({ word: z.string(), suggestion: z.string() })
  .describe('A word of the text that matched nothing, and the closest word of the catalog.');
export type DidYouMean = z.infer<typeof didYouMean>;

export const searchResponse = z
  .object({
    /** The text as searched, trimmed. */
    query: z.string(),
    parsed: searchParsed,
    interpretation,
    results: z.array(searchResult),
    total: z.int().min(0),
    page: z.int().min(1),
    perPage: z.int().min(1),
    /** Name it when reporting interactions with these results. */
    searchEventId: z.string(),
    /**
     * Empty when the results match everything asked. Otherwise nothing did, and these are the
     * steps let go of (cumulatively, in RELAX_KINDS order) for the results shown.
     */
    relaxed: z.array(relaxedStep),
    /** Catalog words close to the unrecognised ones (`parsed.unmatchedWords`). */
    didYouMean: z.array(didYouMean),
  })
  .describe('A page of matching offerings, ranked, with what the search understood.');
export type SearchResponse = z.infer<typeof searchResponse>;

export const interactionAccepted = z
  .object({ accepted: z.literal(true) })
  .describe('The interaction is recorded (asynchronously).');
export type InteractionAccepted = z.infer<typeof interactionAccepted>;

export const searchHistoryEntry = z
  .object({
    id: z.string(),
    query: z.string(),
    searchType,
    /** How many times this query was searched. */
    searchCount: z.int().min(1),
    /** Results of the latest search (0 when recorded without searching; the column allows null). */
    resultCount: z.int().min(0).nullable(),
    /** ISO-8601 UTC. */
    lastSearchedAt: z.string(),
  })
  .describe('A recent search.');
export type SearchHistoryEntry = z.infer<typeof searchHistoryEntry>;

export const searchHistoryPage = page(searchHistoryEntry).describe(
  'The most recent searches, newest first, as one page of at most `limit`.',
);
export type SearchHistoryPage = z.infer<typeof searchHistoryPage>;

export const searchRecorded = z
  .object({ recorded: z.literal(true) })
  .describe('The search is in the recent searches.');
export type SearchRecorded = z.infer<typeof searchRecorded>;
