import { Filter } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AUDIT_ACTION_LABEL, type AuditEntry } from '../../api/contracts';
import { Button } from '../../components/button';
import { SelectField, TextField } from '../../components/field';
import { DataTable, type Column } from '../../components/data-table';
import { ErrorState, Loading } from '../../components/states';
import { browserZone, formatDateTime } from '../../lib/time';
import { AdminNav } from '../admin/admin-nav';
import { useMe } from '../auth/use-me';
import { useAuditLog, type AuditFilters } from './audit-log-queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEYS = ['action', 'actorId', 'targetUserId'] as const;

/** What the entry changed, in a few words (the details are ids and values, never personal data). */
function summary(e: AuditEntry): string {
  const d = e.details as Record<string, unknown>;
  if (e.action === 'user.status_change') return `${String(d.from)} → ${String(d.to)}`;
  if (e.action.startsWith('user.permission')) return String(d.permission);
  if (e.action === 'analytics.csv_export') return `${String(d.report)}, ${String(d.from)} – ${String(d.to)}`;
  if (e.action === 'privacy.delete' && typeof d.cancelledLessons === 'number')
    return `${d.cancelledLessons} lesson${d.cancelledLessons === 1 ? '' : 's'} cancelled${d.forced ? ' (forced)' : ''}`;
  return e.targetId ?? '';
}

const userLink = (u: { id: string; name: string }) => (
  <Link className="text-indigo-700 hover:underline" to={`/admin/users/${u.id}`}>
    {u.name}
  </Link>
);

const columns = (zone: string): Column<AuditEntry>[] => [
  {
    header: 'When',
    unlabelled: true,
    cell: (e) => (
      <span className="text-slate-600 sm:whitespace-nowrap">{formatDateTime(e.createdAt, zone)}</span>
    ),
  },
  { header: 'Admin', cell: (e) => userLink(e.actor) },
  {
    header: 'Action',
    unlabelled: true,
    cell: (e) => (
      <>
        <span className="font-medium">{AUDIT_ACTION_LABEL[e.action]}</span>{' '}
        <span className="break-all text-slate-600">{summary(e)}</span>
      </>
    ),
  },
  {
    header: 'On',
    cell: (e) => (e.targetUser ? userLink(e.targetUser) : <span className="text-slate-500">—</span>),
  },
  {
    header: 'Reason',
    cell: (e) => e.reason ?? <span className="text-slate-500">no reason taken</span>,
  },
];

/** Admin → Audit log: every admin action, filterable by action, admin and account. */
export default function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = Object.fromEntries(
    KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v),
  );
  const log = useAuditLog(filters);
  const { data: me } = useMe();
  const zone = me?.timezone ?? browserZone();
  const [draft, setDraft] = useState({
    action: filters.action ?? '',
    actorId: filters.actorId ?? '',
    targetUserId: filters.targetUserId ?? '',
  });
  const bad = (v: string) => (v.trim() && !UUID.test(v.trim()) ? 'Paste an account id (a UUID).' : undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (bad(draft.actorId) || bad(draft.targetUserId)) return;
    const p = new URLSearchParams();
    for (const k of KEYS) if (draft[k].trim()) p.set(k, draft[k].trim());
    setParams(p);
  };
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-6">
      <AdminNav />
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="text-sm text-slate-600">
          Every admin action: who did it, to whom, why and when. Entries are never changed.
        </p>
      </div>
      <form
        onSubmit={submit}
        aria-label="Filter the audit log"
        className="grid gap-3 sm:grid-cols-[12rem_1fr_1fr_auto] sm:items-end"
      >
        <SelectField
          label="Action"
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        >
          <option value="">Any action</option>
          {Object.entries(AUDIT_ACTION_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Admin (account id)"
          value={draft.actorId}
          maxLength={36}
          error={bad(draft.actorId)}
          onChange={(e) => setDraft({ ...draft, actorId: e.target.value })}
        />
        <TextField
          label="Account acted on (id)"
          value={draft.targetUserId}
          maxLength={36}
          error={bad(draft.targetUserId)}
          onChange={(e) => setDraft({ ...draft, targetUserId: e.target.value })}
        />
        <Button type="submit">
          <Filter className="size-4" aria-hidden /> Filter
        </Button>
      </form>

      <section aria-labelledby="audit-entries" className="space-y-3">
        <h2 id="audit-entries" className="sr-only">
          Entries
        </h2>
        {log.isPending ? (
          <Loading rows={5} />
        ) : log.isError ? (
          <ErrorState error={log.error} retry={() => void log.refetch()} />
        ) : (
          <DataTable
            caption="Admin actions, newest first"
            layout="stack"
            rows={entries}
            rowKey={(e) => e.id}
            empty="No admin action matches"
            columns={columns(zone)}
          />
        )}
        {log.hasNextPage && (
          <Button
            variant="secondary"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {log.isFetchingNextPage ? 'Loading…' : 'Show older'}
          </Button>
        )}
      </section>
    </div>
  );
}
