// What the admin search-analytics reports take and answer (PRODUCT §7). Every report covers a
// range of whole days in the admin's own time zone; each is also offered as CSV.
import { z } from 'zod';
import { calendarDate, queryInt, strictParams } from './primitives.js';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

export const ANALYTICS_DAYS = ['7', '30', '90'] as const;

/** `days` (the last 7, 30 or 90 days, today included) or a `from`–`to` pair of local dates. */
export const analyticsRangeQuery = strictParams({
  days: z.enum(ANALYTICS_DAYS).optional(),
  from: calendarDate().optional(),
  to: calendarDate().optional(),
  /** Rows in a ranked report (default 50). */
  limit: queryInt({ min: 1, max: 500 }).optional(),
})
  .refine((q) => (q.from === undefined) === (q.to === undefined), {
    message: 'Give both from and to, or neither.',
    path: ['from'],
  })
  .refine((q) => !(q.days && q.from), { message: 'Give days or from/to, not both.', path: ['days'] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to.', path: ['to'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'A range covers at most 366 days.',
    path: ['to'],
  });
export type AnalyticsRangeQuery = z.infer<typeof analyticsRangeQuery>;

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

export const analyticsRange = z
  .object({
    /** First and last day covered, YYYY-MM-DD, in `timezone`. */
    from: z.string(),
    to: z.string(),
    /** The admin's time zone: days start at its midnight. */
    timezone: z.string(),
  })
  .describe('The days a report covers.');
export type AnalyticsRange = z.infer<typeof analyticsRange>;

const rate = z.number().min(0).max(1);

export const searchSummary = z
  .object({
    range: analyticsRange,
    totalSearches: z.int().min(0),
    /** Searches by signed-in people (a guest's searches count once they sign up). */
    userSearches: z.int().min(0),
    guestSearches: z.int().min(0),
    distinctUsers: z.int().min(0),
    distinctGuests: z.int().min(0),
    zeroResultSearches: z.int().min(0),
    zeroResultRate: rate,
    averageResults: z.number().min(0),
    byType: z.array(z.object({ searchType: z.string(), searches: z.int().min(0) })),
    /** Share of recent-search rows first searched in the range that their owner deleted. */
    historyDeletionRate: rate,
  })
  .describe('Search totals over a range.');
export type SearchSummary = z.infer<typeof searchSummary>;

export const searchTrendDay = z.object({
  date: z.string(),
  searches: z.int().min(0),
  users: z.int().min(0),
  guests: z.int().min(0),
});
export const searchTrends = z
  .object({ range: analyticsRange, days: z.array(searchTrendDay) })
  .describe('Searches per day (every day of the range, zeros included).');
export type SearchTrends = z.infer<typeof searchTrends>;

export const popularSearch = z.object({
  /** Lower-cased, trimmed text. */
  query: z.string(),
  searches: z.int().min(0),
  searchers: z.int().min(0),
  averageResults: z.number().min(0),
});
export const popularSearches = z
  .object({ range: analyticsRange, items: z.array(popularSearch) })
  .describe('The most searched texts.');
export type PopularSearches = z.infer<typeof popularSearches>;

export const zeroResultSearch = z.object({
  query: z.string(),
  searches: z.int().min(0),
  searchers: z.int().min(0),
  /** ISO-8601 instant. */
  lastSearchedAt: z.string(),
});
export const zeroResultSearches = z
  .object({ range: analyticsRange, items: z.array(zeroResultSearch) })
  .describe('Texts that found nothing, most searched first.');
export type ZeroResultSearches = z.infer<typeof zeroResultSearches>;

export const unmetDemandRow = z.object({
  /** The service slug the text named; its category when it named none; `any` when neither. */
  service: z.string(),
  /** A borough slug, or `any` when the text named none. */
  borough: z.string(),
  /** morning, afternoon, evening, or `any`. */
  timeOfDay: z.string(),
  searches: z.int().min(0),
  searchers: z.int().min(0),
  /** Of those, how many found no result at all (the others found results with no bookable time). */
  noResults: z.int().min(0),
});
export const unmetDemand = z
  .object({ range: analyticsRange, items: z.array(unmetDemandRow) })
  .describe('Where people searched and found nothing bookable, ranked by searches: where to recruit.');
export type UnmetDemand = z.infer<typeof unmetDemand>;

export const guestConversion = z
  .object({
    range: analyticsRange,
    /** Guest sessions that searched in the range. */
    guestSessions: z.int().min(0),
    /** Of those, how many signed up or signed in afterwards. */
    convertedSessions: z.int().min(0),
    conversionRate: rate,
    days: z.array(z.object({ date: z.string(), guestSessions: z.int().min(0), converted: z.int().min(0) })),
  })
  .describe('Guest → user conversion of people who searched.');
export type GuestConversion = z.infer<typeof guestConversion>;

export const searchBookingRow = z.object({
  service: z.string(),
  bookings: z.int().min(0),
});
export const searchBookings = z
  .object({
    range: analyticsRange,
    /** Searches by signed-in people in the range. */
    userSearches: z.int().min(0),
    /** Of those, how many were followed within 24 h by a booking of an offering they showed. */
    searchesWithBooking: z.int().min(0),
    conversionRate: rate,
    /** Bookings made in the range within 24 h of a search by the same person that showed the offering. */
    attributedBookings: z.int().min(0),
    byService: z.array(searchBookingRow),
  })
  .describe('Search → booking conversion.');
export type SearchBookings = z.infer<typeof searchBookings>;

export const referrerRow = z.object({
  /** The referring host, or `direct` when there was none. */
  referrer: z.string(),
  searches: z.int().min(0),
  searchers: z.int().min(0),
});
export const searchReferrers = z
  .object({ range: analyticsRange, items: z.array(referrerRow) })
  .describe('Where searches came from.');
export type SearchReferrers = z.infer<typeof searchReferrers>;

export const searchPerformance = z
  .object({
    range: analyticsRange,
    /** Searches by how many results they found: 0, 1–5, 6–20, 21+. */
    resultBuckets: z.array(z.object({ bucket: z.string(), searches: z.int().min(0) })),
    zeroResultRate: rate,
    /** Median and 95th percentile of the search's own time, in ms; null without searches. */
    latencyP50Ms: z.number().nullable(),
    latencyP95Ms: z.number().nullable(),
    /** Texts searched often but rarely clicked. */
    problemQueries: z.array(
      z.object({ query: z.string(), searches: z.int().min(0), clicks: z.int().min(0) }),
    ),
  })
  .describe('How well search answers.');
export type SearchPerformance = z.infer<typeof searchPerformance>;

export const clickThrough = z
  .object({
    range: analyticsRange,
    searches: z.int().min(0),
    searchesWithClick: z.int().min(0),
    clickThroughRate: rate,
    /** Mean 1-based position of clicked results; null without clicks. */
    meanClickPosition: z.number().nullable(),
  })
  .describe('How often a search leads to a click.');
export type ClickThrough = z.infer<typeof clickThrough>;

export const serviceDemandRow = z.object({
  service: z.string(),
  searches: z.int().min(0),
  profileViews: z.int().min(0),
  bookings: z.int().min(0),
  /** Searches in the range's second half are at least 1.5× those of its first half. */
  trending: z.boolean(),
});
export const serviceDemand = z
  .object({ range: analyticsRange, items: z.array(serviceDemandRow) })
  .describe('Demand per catalog service.');
export type ServiceDemand = z.infer<typeof serviceDemand>;

export const analyticsCsv = z.string().describe('The report as CSV (RFC 4180), one header row.');

/** Every report, by the name its route ends in. */
export const ANALYTICS_REPORTS = {
  summary: searchSummary,
  trends: searchTrends,
  popular: popularSearches,
  'zero-results': zeroResultSearches,
  'unmet-demand': unmetDemand,
  conversion: guestConversion,
  bookings: searchBookings,
  referrers: searchReferrers,
  performance: searchPerformance,
  'click-through': clickThrough,
  'service-demand': serviceDemand,
} as const;
export type AnalyticsReportName = keyof typeof ANALYTICS_REPORTS;
export type AnalyticsReport<N extends AnalyticsReportName> = z.infer<(typeof ANALYTICS_REPORTS)[N]>;

// ── Service analytics (the job's last run) ──────────────────────────────────────────────────

export const serviceAnalyticsRow = z.object({
  service: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  searches7d: z.int().min(0),
  searches30d: z.int().min(0),
  /** Confirmed or completed bookings made in the last 7 / 30 days. */
  bookings7d: z.int().min(0),
  bookings30d: z.int().min(0),
  /** Hourly rates of the active offerings today (nearest rank); null when nobody teaches it. */
  priceP25Cents: z.int().nullable(),
  priceMedianCents: z.int().nullable(),
  priceP75Cents: z.int().nullable(),
  /** The duration booked most in the last 30 days (the shorter on a tie); null without bookings. */
  mostBookedDurationMinutes: z.int().nullable(),
  activeInstructors: z.int().min(0),
  /** 0–1: (30-day searches + 5 × bookings) over the busiest service's. */
  demandScore: z.number().min(0).max(1),
  /** Last 7 days' searches per day ≥ 1.5 × the 23 days before's, on at least 3 searches. */
  trending: z.boolean(),
});
export const serviceAnalyticsList = z
  .object({
    /** When the job last ran (ISO-8601); null before its first run. */
    computedAt: z.string().nullable(),
    items: z.array(serviceAnalyticsRow),
  })
  .describe('Per-service demand as the service-analytics job last computed it, most demanded first.');
export type ServiceAnalyticsList = z.infer<typeof serviceAnalyticsList>;
export const serviceAnalyticsQuery = strictParams({
  limit: queryInt({ min: 1, max: 500 }).optional(),
});
