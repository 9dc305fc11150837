import type { AdminUserDetail } from '../../api/contracts';
import { formatDate, zoneLabel } from '../../lib/time';
import { AccountStatusBadge } from './account-status-badge';

/** Who the account is: name with its status, email, roles, zone and when it joined. */
export function ProfilePanel({ user, zone }: { user: AdminUserDetail; zone: string }) {
  return (
    <div className="space-y-1">
      <h1 className="flex flex-wrap items-center gap-3 text-2xl font-bold">
        {user.fullName} <AccountStatusBadge status={user.accountStatus} />
      </h1>
      <dl className="grid gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">Email</dt>
        <dd className="break-all">{user.email}</dd>
        <dt className="font-medium">Roles</dt>
        <dd>{user.roles.join(', ') || 'none'}</dd>
        <dt className="font-medium">Time zone</dt>
        <dd>{zoneLabel(user.timezone)}</dd>
        <dt className="font-medium">Joined</dt>
        <dd>{formatDate(user.createdAt, zone)}</dd>
      </dl>
    </div>
  );
}
