import type { AccountStatus } from '../../api/types';

const STYLE: Record<AccountStatus, [string, string]> = {
  active: ['Active', 'bg-emerald-50 text-emerald-800'],
  suspended: ['Suspended', 'bg-amber-50 text-amber-800'],
  deactivated: ['Deactivated', 'bg-rose-50 text-rose-800'],
};

export function AccountStatusBadge({ status }: { status: AccountStatus }) {
  const [label, style] = STYLE[status];
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${style}`}>{label}</span>;
}
