import { Download } from 'lucide-react';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { AnalyticsReportName } from '../../api/contracts';
import { buttonClass } from '../../components/button';
import { DataTable, type Column } from '../../components/data-table';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { can } from '../auth/can';
import { useMe } from '../auth/use-me';
import { AdminNav } from '../admin/admin-nav';
import { csvHref, RANGES, useReport, type RangeDays } from './analytics-queries';

// The chart library is the heaviest part of the page: its own chunk, fetched after the figures.
const TrendsChart = lazy(() => import('./trends-chart').then((m) => ({ default: m.TrendsChart })));

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** Admin → Search analytics: what people search for, what they do not find, and what converts. */
export default function AdminAnalyticsPage() {
  const [days, setDays] = useState<RangeDays>('30');
  const { data: me } = useMe();
  const mayExport = can(me, 'export_analytics');
  return (
    <div className="space-y-6">
      <AdminNav />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Search analytics</h1>
          <p className="text-sm text-slate-600">Days in {me?.timezone}. Refreshes every 5 minutes.</p>
        </div>
        <div role="group" aria-label="Range" className="flex gap-1 rounded-lg border border-slate-300 p-1">
          {RANGES.map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={days === d}
              onClick={() => setDays(d)}
              className={`rounded-md px-3 py-1 text-sm ${days === d ? 'bg-indigo-600 text-white' : 'text-slate-700 hover:bg-slate-100'}`}
            >
              {d} days
            </button>
          ))}
        </div>
      </div>
      <SummaryCards days={days} />
      <Panel title="Searches per day" name="trends" days={days} csv={mayExport}>
        <Trends days={days} />
      </Panel>
      <Panel title="Unmet demand: where to recruit" name="unmet-demand" days={days} csv={mayExport}>
        <UnmetDemand days={days} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Popular searches" name="popular" days={days} csv={mayExport}>
          <Popular days={days} />
        </Panel>
        <Panel title="Searches with no results" name="zero-results" days={days} csv={mayExport}>
          <ZeroResults days={days} />
        </Panel>
        <Panel title="Conversion" name="conversion" days={days} csv={mayExport}>
          <Conversion days={days} />
        </Panel>
        <Panel title="Referrers" name="referrers" days={days} csv={mayExport}>
          <Referrers days={days} />
        </Panel>
      </div>
    </div>
  );
}

function Panel(props: {
  title: string;
  name: AnalyticsReportName;
  days: RangeDays;
  csv: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-label={props.title} className="min-w-0 space-y-3 rounded-2xl border border-slate-200 p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold">{props.title}</h2>
        {props.csv && (
          <a href={csvHref(props.name, props.days)} download className={buttonClass('secondary', 'text-xs')}>
            <Download className="size-4" aria-hidden /> CSV
          </a>
        )}
      </div>
      {props.children}
    </section>
  );
}

function SummaryCards({ days }: { days: RangeDays }) {
  const q = useReport('summary', days);
  if (q.isPending) return <Loading rows={1} />;
  if (q.isError) return <ErrorState error={q.error} retry={() => void q.refetch()} />;
  const s = q.data;
  const cards = [
    ['Searches', s.totalSearches.toLocaleString()],
    ['Users', s.distinctUsers.toLocaleString()],
    ['Guests', s.distinctGuests.toLocaleString()],
    ['Zero results', pct(s.zeroResultRate)],
    ['Average results', s.averageResults.toFixed(1)],
    ['History deleted', pct(s.historyDeletionRate)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {cards.map(([label, value]) => (
        <div key={label} className="rounded-2xl border border-slate-200 p-3">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="text-xl font-semibold">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A report as a table of text and figures; a phone scrolls it sideways inside its frame. */
function Table({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  const columns: Column<(string | number)[]>[] = head.map((header, j) => ({
    header,
    numeric: typeof rows[0]?.[j] === 'number',
    cell: (r) => r[j],
  }));
  return (
    <DataTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(_, i) => i}
      empty="Nothing in this range"
    />
  );
}

function Trends({ days }: { days: RangeDays }) {
  const q = useReport('trends', days);
  if (q.isPending) return <Loading rows={3} />;
  if (q.isError) return <ErrorState error={q.error} />;
  if (!q.data.days.some((d) => d.searches > 0)) return <EmptyState title="No searches in this range" />;
  return (
    <Suspense fallback={<Loading rows={3} />}>
      <TrendsChart days={q.data.days} />
    </Suspense>
  );
}

function UnmetDemand({ days }: { days: RangeDays }) {
  const q = useReport('unmet-demand', days);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} />;
  return (
    <Table
      caption="Unmet demand"
      head={['Service', 'Borough', 'Time of day', 'Searches', 'Searchers', 'No results']}
      rows={q.data.items.map((i) => [
        i.service,
        i.borough,
        i.timeOfDay,
        i.searches,
        i.searchers,
        i.noResults,
      ])}
    />
  );
}

function Popular({ days }: { days: RangeDays }) {
  const q = useReport('popular', days);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} />;
  return (
    <Table
      caption="Popular searches"
      head={['Search', 'Searches', 'Searchers', 'Avg results']}
      rows={q.data.items.map((i) => [i.query, i.searches, i.searchers, i.averageResults])}
    />
  );
}

function ZeroResults({ days }: { days: RangeDays }) {
  const q = useReport('zero-results', days);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} />;
  return (
    <Table
      caption="Searches with no results"
      head={['Search', 'Searches', 'Searchers']}
      rows={q.data.items.map((i) => [i.query, i.searches, i.searchers])}
    />
  );
}

function Conversion({ days }: { days: RangeDays }) {
  const guests = useReport('conversion', days);
  const bookings = useReport('bookings', days);
  if (guests.isPending || bookings.isPending) return <Loading rows={2} />;
  if (guests.isError) return <ErrorState error={guests.error} />;
  if (bookings.isError) return <ErrorState error={bookings.error} />;
  return (
    <Table
      caption="Conversion"
      head={['Measure', 'Count', 'Rate']}
      rows={[
        [
          'Guests who signed up',
          `${guests.data.convertedSessions} of ${guests.data.guestSessions}`,
          pct(guests.data.conversionRate),
        ],
        [
          'Searches booked within 24 h',
          `${bookings.data.searchesWithBooking} of ${bookings.data.userSearches}`,
          pct(bookings.data.conversionRate),
        ],
      ]}
    />
  );
}

function Referrers({ days }: { days: RangeDays }) {
  const q = useReport('referrers', days);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} />;
  return (
    <Table
      caption="Searches by referrer"
      head={['Referrer', 'Searches', 'Searchers']}
      rows={q.data.items.map((i) => [i.referrer, i.searches, i.searchers])}
    />
  );
}
