import { AdminNav } from './admin-nav';
import { Search } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/button';
import { SelectField, TextField } from '../../components/field';
import { Pager, pageCount } from '../../components/pager';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { browserZone, formatDate } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { AccountStatusBadge, STATUS_LABEL } from './account-status-badge';
import { useAdminUsers } from './admin-queries';

const FILTERS = [
  {
    key: 'role',
    label: 'Role',
    any: 'Any role',
    options: { student: 'Student', instructor: 'Instructor', admin: 'Admin' },
  },
  { key: 'status', label: 'Status', any: 'Any status', options: STATUS_LABEL },
] as const;

/** Admin → Users: find any account by name or email, narrowed by role and status. */
export default function AdminUsersPage() {
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? '',
    role: params.get('role') ?? '',
    status: params.get('status') ?? '',
  };
  const page = Math.max(1, Number(params.get('page')) || 1);
  const users = useAdminUsers({ ...filters, page });
  const { data: me } = useMe();
  const zone = me?.timezone ?? browserZone();
  const [draft, setDraft] = useState(filters);
  const pages = pageCount(users.data);

  const apply = (next: typeof filters, nextPage = 1) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v);
    if (nextPage > 1) p.set('page', String(nextPage));
    setParams(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({ ...draft, q: draft.q.trim() });
  };

  return (
    <div className="space-y-6">
      <AdminNav />
      <div>
        <h1 className="text-2xl font-bold">Users</h1>
        <p className="text-sm text-slate-600">
          Every account on InstaInstru. Open one to change its status or permissions.
        </p>
      </div>
      <form
        onSubmit={submit}
        role="search"
        aria-label="Users"
        className="grid gap-3 sm:grid-cols-[1fr_10rem_10rem_auto] sm:items-end"
      >
        <TextField
          label="Name or email"
          type="search"
          value={draft.q}
          maxLength={100}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        {FILTERS.map((f) => (
          <SelectField
            key={f.key}
            label={f.label}
            value={draft[f.key]}
            onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
          >
            <option value="">{f.any}</option>
            {Object.entries(f.options).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        ))}
        <Button type="submit">
          <Search className="size-4" aria-hidden /> Find
        </Button>
      </form>

      <section aria-labelledby="user-list" className="space-y-3">
        <h2 id="user-list" className="sr-only">
          Accounts
        </h2>
        {users.isPending ? (
          <Loading rows={5} />
        ) : users.isError ? (
          <ErrorState error={users.error} retry={() => void users.refetch()} />
        ) : users.data.items.length === 0 ? (
          <EmptyState title="No account matches">
            <Button
              variant="secondary"
              onClick={() => (
                setDraft({ q: '', role: '', status: '' }),
                apply({ q: '', role: '', status: '' })
              )}
            >
              Show everyone
            </Button>
          </EmptyState>
        ) : (
          <>
            <p className="text-sm text-slate-600" aria-live="polite">
              {users.data.total.toLocaleString('en-US')} {users.data.total === 1 ? 'account' : 'accounts'}
            </p>
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
              {users.data.items.map((u) => (
                <li key={u.id}>
                  <Link
                    to={`/admin/users/${u.id}`}
                    className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 p-4 hover:bg-slate-50"
                  >
                    <span className="min-w-0">
                      <span className="block font-semibold text-slate-900">{u.fullName}</span>
                      <span className="block truncate text-sm text-slate-600">{u.email}</span>
                    </span>
                    <span className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                      {u.roles.join(', ') || 'no role'} · joined {formatDate(u.createdAt, zone)}
                      <AccountStatusBadge status={u.accountStatus} />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        <Pager page={page} pages={pages} onPage={(n) => apply(filters, n)} />
      </section>
    </div>
  );
}
