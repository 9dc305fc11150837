import type { ReactNode } from 'react';
import { useState } from 'react';
import { Button } from '../../components/button';
import { DataTable } from '../../components/data-table';
import { AdminNav } from '../admin/admin-nav';
import { ErrorState, InlineError, Loading } from '../../components/states';
import {
  REFRESH_MS,
  useFailedJobAction,
  useOpsDatabase,
  useOpsOutbox,
  useOpsQueues,
  useOpsRedis,
  useResendEmail,
} from './ops-queries';

const bytes = (n: number) => {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(i ? 1 : 0)} ${units[i]}`;
};
const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`ops-${title}`}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <h2 id={`ops-${title}`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Label/value pairs that wrap into as many columns as fit (one column at 375 px). */
function Figures({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
      {items.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-slate-500">{label}</dt>
          <dd className="font-semibold break-words tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function DatabaseSection() {
  const q = useOpsDatabase();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => q.refetch()} />;
  const d = q.data;
  return (
    <>
      <Figures
        items={[
          ['Driver', d.driver === 'pglite' ? 'Embedded (PGlite)' : 'PostgreSQL'],
          ['Version', d.version],
          ['Tier', d.tier],
          ['Size', bytes(d.sizeBytes)],
          ['Pool in use', `${d.pool.inUse} / ${d.pool.max}`],
          ['Idle', d.pool.idle],
          ['Waiting', d.pool.waiting],
          ['Migrations', `${d.migrations.applied} / ${d.migrations.expected}`],
        ]}
      />
      <DataTable
        caption="Tables by size"
        rows={d.tables.slice(0, 15)}
        rowKey={(t) => t.name}
        empty="No tables"
        columns={[
          { header: 'Table', breakAll: true, cell: (t) => t.name },
          { header: 'Rows (est.)', numeric: true, cell: (t) => t.rows.toLocaleString() },
          { header: 'Size', numeric: true, cell: (t) => bytes(t.bytes) },
        ]}
      />
      <h3 className="font-medium">Slowest statements</h3>
      {d.slowestStatements === null ? (
        <p className="text-sm text-slate-600">pg_stat_statements is not installed on this database.</p>
      ) : (
        <ul className="space-y-2 text-sm">
          {d.slowestStatements.map((s, i) => (
            <li key={i} className="rounded bg-slate-50 p-2">
              <code className="block text-xs break-all">{s.query}</code>
              <span className="text-slate-600">
                {s.meanMs.toFixed(1)} ms mean · {s.calls.toLocaleString()} calls
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RedisSection() {
  const q = useOpsRedis();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => q.refetch()} />;
  const r = q.data;
  if (r.status !== 'connected') {
    return (
      <p className="text-sm">
        <strong>{r.status === 'not_configured' ? 'Not configured' : 'Degraded'}</strong>
        {r.detail ? ` — ${r.detail}` : ''}
      </p>
    );
  }
  return (
    <Figures
      items={[
        ['Status', 'Connected'],
        ['Version', r.version ?? '—'],
        ['Memory used', bytes(r.memory?.usedBytes ?? 0)],
        ['Peak', bytes(r.memory?.peakBytes ?? 0)],
        ['Max', r.memory?.maxBytes ? bytes(r.memory.maxBytes) : 'no limit'],
        ['Hit rate', r.hitRate == null ? '—' : `${(r.hitRate * 100).toFixed(1)} %`],
        ['Ops/s', r.opsPerSec ?? 0],
        ['Clients', r.connectedClients ?? 0],
        ...(r.keyspace ?? []).map((k): [string, ReactNode] => [
          `Keys ${k.db}`,
          `${k.keys} (${k.expires} expiring)`,
        ]),
      ]}
    />
  );
}

function JobsSection() {
  const q = useOpsQueues();
  const act = useFailedJobAction();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => q.refetch()} />;
  const j = q.data;
  return (
    <>
      <p className="text-sm text-slate-600">
        Runner: {j.runner === 'bullmq' ? 'BullMQ on Redis' : 'in-process (embedded mode)'}
      </p>
      {j.queues.map((queue) => (
        <Figures
          key={queue.name}
          items={[
            ['Queue', queue.name],
            ['Waiting', queue.counts.waiting],
            ['Active', queue.counts.active],
            ['Delayed', queue.counts.delayed],
            ['Completed', queue.counts.completed],
            ['Failed', queue.counts.failed],
            ['Retries', queue.retried],
          ]}
        />
      ))}
      <h3 className="font-medium">Schedules</h3>
      {j.schedules.length === 0 ? (
        <p className="text-sm text-slate-600">No schedules registered by this process’s runner.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {j.schedules.map((s) => (
            <li key={s.id} className="break-words">
              <strong>{s.id}</strong> → {s.job} ·{' '}
              {s.pattern ?? `every ${Math.round((s.every ?? 0) / 1000)} s`} · next {when(s.next)}
            </li>
          ))}
        </ul>
      )}
      <h3 className="font-medium">Failed jobs</h3>
      {act.isError && <InlineError error={act.error} />}
      {j.failed.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="space-y-2">
          {j.failed.map((f) => (
            <li key={f.id} className="rounded border border-rose-200 bg-rose-50 p-2 text-sm">
              <p className="font-semibold">
                {f.job} · {f.attempts} attempt{f.attempts === 1 ? '' : 's'} · {when(f.at)}
              </p>
              <p className="break-words text-rose-900">{f.error}</p>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  disabled={act.isPending}
                  onClick={() => act.mutate({ id: f.id, action: 'retry' })}
                >
                  Retry
                </Button>
                <Button
                  variant="ghost"
                  disabled={act.isPending}
                  onClick={() => act.mutate({ id: f.id, action: 'discard' })}
                >
                  Discard
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function OutboxSection() {
  const [status, setStatus] = useState('');
  const q = useOpsOutbox(status);
  const resend = useResendEmail();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} retry={() => q.refetch()} />;
  const o = q.data;
  return (
    <>
      <Figures
        items={[
          ['Delivery', o.delivering ? 'SMTP' : 'Stored only (no SMTP_URL)'],
          ['Queued', o.counts.queued],
          ['Sent', o.counts.sent],
          ['Failed', o.counts.failed],
          ['Stored', o.counts.stored],
          ['Oldest unsent', when(o.oldestUnsentAt)],
        ]}
      />
      <label className="flex items-center gap-2 text-sm">
        Show
        <select
          className="rounded border border-slate-300 px-2 py-1"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          <option value="">all</option>
          <option value="queued">queued</option>
          <option value="sent">sent</option>
          <option value="failed">failed</option>
          <option value="stored">stored</option>
        </select>
      </label>
      {resend.isError && <InlineError error={resend.error} />}
      <ul className="space-y-2">
        {o.messages.map((m) => (
          <li key={m.id} className="rounded border border-slate-200 p-2 text-sm">
            <p className="font-semibold break-words">
              {m.subject} <span className="font-normal text-slate-600">→ {m.to}</span>
            </p>
            <p className="text-slate-600">
              {m.status} · {m.template} · {when(m.createdAt)}
              {m.error ? ` · ${m.error}` : ''}
            </p>
            <details>
              <summary className="cursor-pointer text-indigo-700">Preview</summary>
              <pre className="mt-1 text-xs whitespace-pre-wrap break-words">{m.preview}</pre>
            </details>
            {m.status === 'failed' && o.delivering && (
              <Button
                className="mt-2"
                variant="secondary"
                disabled={resend.isPending}
                onClick={() => resend.mutate(m.id)}
              >
                Resend
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Admin → Operations: the database, Redis, job queues and email outbox, refreshing live. */
export default function OperationsPage() {
  // The four panels appear together: one arriving before the others would push them down the page.
  // The hooks share their queries (and cache) with the panels below.
  const loading = [useOpsDatabase(), useOpsRedis(), useOpsQueues(), useOpsOutbox()].some((q) => q.isPending);
  return (
    <div className="space-y-6">
      <AdminNav />
      <div>
        <h1 className="text-2xl font-bold">Operations</h1>
        <p className="text-sm text-slate-600">Numbers refresh every {REFRESH_MS / 1000} seconds.</p>
      </div>
      {loading ? <Loading label="Loading the operations figures…" rows={8} /> : <Panels />}
    </div>
  );
}

function Panels() {
  return (
    <>
      <Section title="Database">
        <DatabaseSection />
      </Section>
      <Section title="Redis">
        <RedisSection />
      </Section>
      <Section title="Jobs">
        <JobsSection />
      </Section>
      <Section title="Email outbox">
        <OutboxSection />
      </Section>
    </>
  );
}
