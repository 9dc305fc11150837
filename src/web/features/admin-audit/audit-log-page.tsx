import { Filter } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AUDIT_ACTION_LABEL, type AuditEntry } from '../../api/contracts';
import { Button } from '../../components/button';
import { SelectField, TextField } from '../../components/field';
import { EmptyState, ErrorState, Loading } from '../../components/states';
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
        ) : entries.length === 0 ? (
          <EmptyState title="No admin action matches" />
        ) : (
          // On a phone each row stacks into a card; the header names stay as labels.
          <table className="w-full text-left text-sm">
            <thead className="hidden border-b border-slate-200 text-xs text-slate-600 uppercase sm:table-header-group">
              <tr>
                <th className="py-2 pr-3 font-medium">When</th>
                <th className="py-2 pr-3 font-medium">Admin</th>
                <th className="py-2 pr-3 font-medium">Action</th>
                <th className="py-2 pr-3 font-medium">On</th>
                <th className="py-2 pr-3 font-medium">Reason</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {entries.map((e) => (
                <tr key={e.id} className="block py-3 sm:table-row sm:py-0">
                  <td className="block py-0.5 text-slate-600 sm:table-cell sm:py-2 sm:pr-3 sm:whitespace-nowrap">
                    {formatDateTime(e.createdAt, zone)}
                  </td>
                  <td className="block py-0.5 sm:table-cell sm:py-2 sm:pr-3">
                    <span className="text-slate-500 sm:hidden">By </span>
                    <Link className="text-indigo-700 hover:underline" to={`/admin/users/${e.actor.id}`}>
                      {e.actor.name}
                    </Link>
                  </td>
                  <td className="block py-0.5 sm:table-cell sm:py-2 sm:pr-3">
                    <span className="font-medium">{AUDIT_ACTION_LABEL[e.action]}</span>{' '}
                    <span className="break-all text-slate-600">{summary(e)}</span>
                  </td>
                  <td className="block py-0.5 sm:table-cell sm:py-2 sm:pr-3">
                    {e.targetUser ? (
                      <>
                        <span className="text-slate-500 sm:hidden">On </span>
                        <Link
                          className="text-indigo-700 hover:underline"
                          to={`/admin/users/${e.targetUser.id}`}
                        >
                          {e.targetUser.name}
                        </Link>
                      </>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </td>
                  <td className="block py-0.5 break-words text-slate-700 sm:table-cell sm:py-2 sm:pr-3">
                    {e.reason ? (
                      <>
                        <span className="text-slate-500 sm:hidden">Reason: </span>
                        {e.reason}
                      </>
                    ) : (
                      <span className="text-slate-500">no reason taken</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
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
