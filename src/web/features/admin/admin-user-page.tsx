import { ArrowLeft } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { AccountStatus, AdminUserDetail, PermissionInfo } from '../../api/contracts';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { TextArea } from '../../components/field';
import { ErrorState, InlineError, Loading } from '../../components/states';
import { browserZone, formatDate, zoneLabel } from '../../lib/time';
import { can } from '../auth/can';
import { useMe } from '../auth/use-me';
import { AccountStatusBadge, STATUS_LABEL } from './account-status-badge';
import { useAdminUser, usePermissionList, useSetAccountStatus, useSetPermission } from './admin-queries';

const STATUS_ACTIONS: { to: AccountStatus; label: string; effect: string }[] = [
  { to: 'active', label: 'Reactivate', effect: 'They can sign in and book or teach again.' },
  {
    to: 'suspended',
    label: 'Suspend',
    effect: 'They keep their session but cannot book or take new lessons until reactivated.',
  },
  {
    to: 'deactivated',
    label: 'Deactivate',
    effect: 'Their sessions end at once and they cannot sign in until reactivated.',
  },
];

const SCOPE_LABEL: Record<PermissionInfo['scope'], string> = {
  shared: 'Everyone',
  student: 'Students',
  instructor: 'Instructors',
  admin: 'Admins',
};

/** Admin → one account: who it is, its status, and each permission it holds. */
export default function AdminUserPage() {
  const { id = '' } = useParams();
  const user = useAdminUser(id);
  const { data: me } = useMe();
  const zone = me?.timezone ?? browserZone();

  return (
    <div className="space-y-6">
      <Link
        to="/admin/users"
        className="inline-flex items-center gap-1 text-sm text-indigo-700 hover:underline"
      >
        <ArrowLeft className="size-4" aria-hidden /> All users
      </Link>
      {user.isPending ? (
        <Loading rows={4} />
      ) : user.isError ? (
        <ErrorState error={user.error} retry={() => void user.refetch()} />
      ) : (
        <>
          <div className="space-y-1">
            <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold">
              {user.data.fullName} <AccountStatusBadge status={user.data.accountStatus} />
            </h1>
            <dl className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
              <dt className="font-medium">Email</dt>
              <dd className="break-all">{user.data.email}</dd>
              <dt className="font-medium">Roles</dt>
              <dd>{user.data.roles.join(', ') || 'none'}</dd>
              <dt className="font-medium">Time zone</dt>
              <dd>{zoneLabel(user.data.timezone)}</dd>
              <dt className="font-medium">Joined</dt>
              <dd>{formatDate(user.data.createdAt, zone)}</dd>
            </dl>
          </div>
          <StatusPanel
            user={user.data}
            zone={zone}
            canManage={can(me, 'manage_users')}
            self={me?.id === id}
          />
          <PermissionsPanel user={user.data} canManage={can(me, 'manage_permissions')} self={me?.id === id} />
        </>
      )}
    </div>
  );
}

function StatusPanel({
  user,
  zone,
  canManage,
  self,
}: {
  user: AdminUserDetail;
  zone: string;
  canManage: boolean;
  self: boolean;
}) {
  const setStatus = useSetAccountStatus(user.id);
  const [pending, setPending] = useState<(typeof STATUS_ACTIONS)[number] | null>(null);
  const [reason, setReason] = useState('');
  const close = () => {
    setPending(null);
    setReason('');
    setStatus.reset();
  };
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) return;
    setStatus.mutate(
      { status: pending.to, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      { onSuccess: close },
    );
  };
  const actions = STATUS_ACTIONS.filter((a) => a.to !== user.accountStatus);

  return (
    <section aria-labelledby="status-h" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="status-h" className="font-semibold">
        Account status
      </h2>
      {user.statusChangedAt && (
        <p className="text-sm text-slate-700" data-testid="status-since">
          {STATUS_LABEL[user.accountStatus]} since {formatDate(user.statusChangedAt, zone)}
          {user.statusReason ? `: “${user.statusReason}”` : ''}
        </p>
      )}
      {!canManage ? (
        <p className="text-sm text-slate-600">
          You can see this account; changing its status needs the manage users permission.
        </p>
      ) : self ? (
        <p className="text-sm text-slate-600">You cannot suspend or deactivate your own account from here.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {actions.map((a) => (
            <Button
              key={a.to}
              variant={a.to === 'active' ? 'primary' : 'secondary'}
              onClick={() => setPending(a)}
            >
              {a.label}
            </Button>
          ))}
        </div>
      )}
      <Dialog open={!!pending} onClose={close} title={`${pending?.label ?? ''} ${user.fullName}?`}>
        <form className="space-y-4" onSubmit={confirm}>
          <p className="text-sm">{pending?.effect}</p>
          <TextArea
            label="Reason (optional)"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <InlineError error={setStatus.error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              Keep as is
            </Button>
            <Button
              type="submit"
              variant={pending?.to === 'active' ? 'primary' : 'danger'}
              disabled={setStatus.isPending}
            >
              {pending?.label}
            </Button>
          </div>
        </form>
      </Dialog>
    </section>
  );
}

function PermissionsPanel({
  user,
  canManage,
  self,
}: {
  user: AdminUserDetail;
  canManage: boolean;
  self: boolean;
}) {
  const all = usePermissionList();
  const setPermission = useSetPermission(user.id);
  const held = new Set(user.permissions);
  const scopes = Object.keys(SCOPE_LABEL) as PermissionInfo['scope'][];

  return (
    <section aria-labelledby="perm-h" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <div>
        <h2 id="perm-h" className="font-semibold">
          Permissions
        </h2>
        <p className="text-sm text-slate-600">
          {held.size} held. Roles grant most of them; a change here applies to this account alone and wins
          over its roles.
        </p>
      </div>
      <InlineError error={setPermission.error} />
      {all.isPending ? (
        <Loading rows={3} />
      ) : all.isError ? (
        <ErrorState error={all.error} retry={() => void all.refetch()} />
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {scopes.map((scope) => (
            <fieldset key={scope} className="space-y-1">
              <legend className="text-sm font-semibold text-slate-700">{SCOPE_LABEL[scope]}</legend>
              {all.data
                .filter((p) => p.scope === scope)
                .map((p) => {
                  const has = held.has(p.name);
                  // Own permissions can be added but not removed here (the server refuses too).
                  const locked = !canManage || setPermission.isPending || (self && has);
                  return (
                    <label
                      key={p.name}
                      className="flex items-start gap-2 rounded-lg p-1.5 text-sm hover:bg-slate-50"
                    >
                      <input
                        type="checkbox"
                        className="mt-0.5 size-4 accent-indigo-600"
                        checked={has}
                        disabled={locked}
                        onChange={(e) => setPermission.mutate({ name: p.name, granted: e.target.checked })}
                      />
                      <span>
                        <span className="block">{p.description}</span>
                        <code className="text-xs text-slate-500">{p.name}</code>
                      </span>
                    </label>
                  );
                })}
            </fieldset>
          ))}
        </div>
      )}
    </section>
  );
}
