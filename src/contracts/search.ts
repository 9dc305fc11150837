// What the search routes answer: results with what was understood, recent searches, and the
// acknowledgements of interactions. Shared by the server and the web app, so nothing here may
// import server code. The search answer is the hot path: per-result fields stay flat types.
import { z } from 'zod';
import { ageGroup, area, level, locationType, serviceRef } from './instructors.js';
import { page } from './pagination.js';

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

export const timeOfDay = z.enum(['morning', 'afternoon', 'evening']);
export type TimeOfDay = z.infer<typeof timeOfDay>;

export const lessonFormat = z.enum(['online', 'in_person']);
export type LessonFormat = z.infer<typeof lessonFormat>;

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
    nearMe: z.boolean(),
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
    /** Mean rating, null while there are no reviews. */
    rating: z.number().nullable(),
    reviewCount: z.int().min(0),
    /** Why it matched, in words. */
    matchReason: z.string(),
  })
  .describe('An offering that matches the search.');
export type SearchResult = z.infer<typeof searchResult>;

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
