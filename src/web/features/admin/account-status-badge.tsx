import type { AccountStatus } from '../../api/contracts';

export const STATUS_LABEL: Record<AccountStatus, string> = {
  active: 'Active',
  suspended: 'Suspended',
  deactivated: 'Deactivated',
};

const STYLE: Record<AccountStatus, string> = {
  active: 'bg-emerald-50 text-emerald-800',
  suspended: 'bg-amber-50 text-amber-800',
  deactivated: 'bg-rose-50 text-rose-800',
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  return (
    <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STYLE[status]}`}>
      {STATUS_LABEL[status]}
    </span>
  );
}
