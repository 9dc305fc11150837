import type {
  AnalyticsRangeQuery,
  AnalyticsReport,
  AnalyticsReportName,
  ServiceAnalyticsList,
} from '../../../contracts/analytics.js';
import type { Db } from '../../db/client.js';
import { recordAdminAction } from '../../platform/audit/admin-audit.repo.js';
import type { AuthContext } from '../../platform/auth/auth-context.js';
import type { AppDeps } from '../../platform/deps.js';
import * as repo from './analytics.repo.js';
import { reportWindow } from './analytics-window.js';
import { listServiceAnalytics } from './service-analytics.repo.js';

const DEFAULT_LIMIT = 50;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const round = (n: number | null, places = 2) => (n == null ? null : Number(n.toFixed(places)));
const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();

type Ctx = ReturnType<typeof reportWindow> & { db: Db; limit: number };
type Builders = { [N in AnalyticsReportName]: (c: Ctx) => Promise<AnalyticsReport<N>> };

const build: Builders = {
  async summary({ db, window, range }) {
    const [t, types, h] = await Promise.all([
      repo.summaryTotals(db, window),
      repo.searchesByType(db, window),
      repo.historyDeletion(db, window),
    ]);
    return {
      range,
      totalSearches: t.total,
      userSearches: t.user_searches,
      guestSearches: t.guest_searches,
      distinctUsers: t.users,
      distinctGuests: t.guests,
      zeroResultSearches: t.zero,
      zeroResultRate: share(t.zero, t.total),
      averageResults: round(t.avg_results ?? 0)!,
      byType: types.map((r) => ({ searchType: r.search_type, searches: r.searches })),
      historyDeletionRate: share(h.deleted, h.rows),
    };
  },

  async trends({ db, window, range, dates }) {
    const byDay = new Map((await repo.trendsByDay(db, window)).map((r) => [r.day, r]));
    return {
      range,
      // Every day of the range, so a chart shows quiet days as zero rather than skipping them.
      days: dates.map((date) => {
        const r = byDay.get(date);
        return { date, searches: r?.searches ?? 0, users: r?.users ?? 0, guests: r?.guests ?? 0 };
      }),
    };
  },

  async popular({ db, window, range, limit }) {
    const rows = await repo.popular(db, window, limit);
    return {
      range,
      items: rows.map((r) => ({
        query: r.query,
        searches: r.searches,
        searchers: r.searchers,
        averageResults: round(r.avg_results)!,
      })),
    };
  },

  async 'zero-results'({ db, window, range, limit }) {
    const rows = await repo.zeroResults(db, window, limit);
    return {
      range,
      items: rows.map((r) => ({
        query: r.query,
        searches: r.searches,
        searchers: r.searchers,
        lastSearchedAt: iso(r.last_at),
      })),
    };
  },

  async 'unmet-demand'({ db, window, range, limit }) {
    const rows = await repo.unmetDemand(db, window, limit);
    return {
      range,
      items: rows.map((r) => ({
        service: r.service,
        borough: r.borough,
        timeOfDay: r.time_of_day,
        searches: r.searches,
        searchers: r.searchers,
        noResults: r.no_results,
      })),
    };
  },

  async conversion({ db, window, range, dates }) {
    const rows = await repo.guestConversionByDay(db, window);
    const byDay = new Map(rows.map((r) => [r.day, r]));
    const sessions = rows.reduce((n, r) => n + r.sessions, 0);
    const converted = rows.reduce((n, r) => n + r.converted, 0);
    return {
      range,
      guestSessions: sessions,
      convertedSessions: converted,
      conversionRate: share(converted, sessions),
      days: dates.map((date) => ({
        date,
        guestSessions: byDay.get(date)?.sessions ?? 0,
        converted: byDay.get(date)?.converted ?? 0,
      })),
    };
  },

  async bookings({ db, window, range }) {
    const r = await repo.searchToBooking(db, window);
    return {
      range,
      userSearches: r.user_searches,
      searchesWithBooking: r.with_booking,
      conversionRate: share(r.with_booking, r.user_searches),
      attributedBookings: r.byService.reduce((n, s) => n + s.bookings, 0),
      byService: r.byService,
    };
  },

  async referrers({ db, window, range, limit }) {
    return { range, items: await repo.referrers(db, window, limit) };
  },

  async performance({ db, window, range, limit }) {
    const [buckets, lat, problems] = await Promise.all([
      repo.resultBuckets(db, window),
      repo.latencyPercentiles(db, window),
      repo.problemQueries(db, window, limit),
    ]);
    const count = new Map(buckets.map((b) => [b.bucket, b.searches]));
    const total = buckets.reduce((n, b) => n + b.searches, 0);
    return {
      range,
      resultBuckets: ['0', '1-5', '6-20', '21+'].map((bucket) => ({
        bucket,
        searches: count.get(bucket) ?? 0,
      })),
      zeroResultRate: share(count.get('0') ?? 0, total),
      latencyP50Ms: round(lat.p50, 1),
      latencyP95Ms: round(lat.p95, 1),
      problemQueries: problems,
    };
  },

  async 'click-through'({ db, window, range }) {
    const c = await repo.clicks(db, window);
    return {
      range,
      searches: c.searches,
      searchesWithClick: c.with_click,
      clickThroughRate: share(c.with_click, c.searches),
      meanClickPosition: round(c.mean_position),
    };
  },

  async 'service-demand'({ db, window, range, limit }) {
    const rows = await repo.serviceDemand(db, window, limit);
    return {
      range,
      items: rows.map((r) => ({
        service: r.service,
        searches: r.searches,
        profileViews: r.views,
        bookings: r.bookings,
        // Rising by half or more, and not on a handful of searches.
        trending: r.second_half >= 3 && r.second_half >= 1.5 * r.first_half,
      })),
    };
  },
};

export class AnalyticsService {
  constructor(private readonly deps: AppDeps) {}

  /** The route's permission already holds; the window is the caller's own time zone. */
  report<N extends AnalyticsReportName>(
    auth: AuthContext,
    name: N,
    q: AnalyticsRangeQuery,
  ): Promise<AnalyticsReport<N>> {
    const ctx: Ctx = {
      ...reportWindow(q, auth.user.timezone, this.deps.clock.now()),
      db: this.deps.db,
      limit: q.limit ?? DEFAULT_LIMIT,
    };
    return (build[name] as (c: Ctx) => Promise<AnalyticsReport<N>>)(ctx);
  }

  /**
   * A report for download: the export is an admin action, so it is logged (once the report is
   * built, so a failed one leaves no entry) with the range it covered.
   */
  async exportReport<N extends AnalyticsReportName>(
    auth: AuthContext,
    name: N,
    q: AnalyticsRangeQuery,
  ): Promise<AnalyticsReport<N>> {
    const report = await this.report(auth, name, q);
    await recordAdminAction(this.deps.db, {
      actorId: auth.user.id,
      action: 'analytics.csv_export',
      targetType: 'analytics_report',
      targetId: name,
      details: { report: name, from: report.range.from, to: report.range.to },
    });
    return report;
  }

  /** The service-analytics job's last run, most demanded first (the route's permission holds). */
  async serviceAnalytics(limit = DEFAULT_LIMIT): Promise<ServiceAnalyticsList> {
    const rows = await listServiceAnalytics(this.deps.db, limit);
    return {
      computedAt: rows[0] ? iso(rows[0].a.computedAt) : null,
      items: rows.map(({ slug, name, a }) => ({
        service: { id: a.serviceId, slug, name },
        searches7d: a.searches7d,
        searches30d: a.searches30d,
        bookings7d: a.bookings7d,
        bookings30d: a.bookings30d,
        priceP25Cents: a.priceP25Cents,
        priceMedianCents: a.priceMedianCents,
        priceP75Cents: a.priceP75Cents,
        mostBookedDurationMinutes: a.mostBookedDuration,
        activeInstructors: a.activeInstructors,
        demandScore: a.demandScore,
        trending: a.trending,
      })),
    };
  }
}
