import { stringify } from 'csv-stringify/sync';
import type { AnalyticsReport, AnalyticsReportName } from '../../../contracts/analytics.js';

type Cell = string | number | boolean | null;
interface Table {
  columns: string[];
  rows: Cell[][];
}
type Tables = { [N in AnalyticsReportName]: (r: AnalyticsReport<N>) => Table };

// Each report flattened to one table: its main list, or its figures as metric/value pairs.
const metrics = (pairs: [string, Cell][]): Table => ({ columns: ['metric', 'value'], rows: pairs });

const tables: Tables = {
  summary: (r) =>
    metrics([
      ['total_searches', r.totalSearches],
      ['user_searches', r.userSearches],
      ['guest_searches', r.guestSearches],
      ['distinct_users', r.distinctUsers],
      ['distinct_guests', r.distinctGuests],
      ['zero_result_searches', r.zeroResultSearches],
      ['zero_result_rate', r.zeroResultRate],
      ['average_results', r.averageResults],
      ['history_deletion_rate', r.historyDeletionRate],
      ...r.byType.map((t): [string, Cell] => [`searches_${t.searchType}`, t.searches]),
    ]),
  trends: (r) => ({
    columns: ['date', 'searches', 'users', 'guests'],
    rows: r.days.map((d) => [d.date, d.searches, d.users, d.guests]),
  }),
  popular: (r) => ({
    columns: ['query', 'searches', 'searchers', 'average_results'],
    rows: r.items.map((i) => [i.query, i.searches, i.searchers, i.averageResults]),
  }),
  'zero-results': (r) => ({
    columns: ['query', 'searches', 'searchers', 'last_searched_at'],
    rows: r.items.map((i) => [i.query, i.searches, i.searchers, i.lastSearchedAt]),
  }),
  'unmet-demand': (r) => ({
    columns: ['service', 'borough', 'time_of_day', 'searches', 'searchers', 'no_results'],
    rows: r.items.map((i) => [i.service, i.borough, i.timeOfDay, i.searches, i.searchers, i.noResults]),
  }),
  conversion: (r) => ({
    columns: ['date', 'guest_sessions', 'converted'],
    rows: r.days.map((d) => [d.date, d.guestSessions, d.converted]),
  }),
  bookings: (r) => ({
    columns: ['service', 'bookings'],
    rows: r.byService.map((s) => [s.service, s.bookings]),
  }),
  referrers: (r) => ({
    columns: ['referrer', 'searches', 'searchers'],
    rows: r.items.map((i) => [i.referrer, i.searches, i.searchers]),
  }),
  performance: (r) => ({
    columns: ['query', 'searches', 'clicks'],
    rows: r.problemQueries.map((q) => [q.query, q.searches, q.clicks]),
  }),
  'click-through': (r) =>
    metrics([
      ['searches', r.searches],
      ['searches_with_click', r.searchesWithClick],
      ['click_through_rate', r.clickThroughRate],
      ['mean_click_position', r.meanClickPosition],
    ]),
  'service-demand': (r) => ({
    columns: ['service', 'searches', 'profile_views', 'bookings', 'trending'],
    rows: r.items.map((i) => [i.service, i.searches, i.profileViews, i.bookings, i.trending]),
  }),
};

/**
 * RFC 4180 (CRLF, quotes doubled) with formula injection defused: a text cell that a spreadsheet
 * would run (= + - @, tab, CR) gets a leading apostrophe; numbers, negative ones too, stay numbers.
 */
export function reportCsv<N extends AnalyticsReportName>(name: N, report: AnalyticsReport<N>): string {
  const t = (tables[name] as (r: AnalyticsReport<N>) => Table)(report);
  return stringify([t.columns, ...t.rows], {
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (b) => (b ? 'true' : 'false') },
  });
}
