import type { BookingStatus } from '../../api/contracts';

const STYLE: Record<BookingStatus, [string, string]> = {
  confirmed: ['Confirmed', 'bg-emerald-50 text-emerald-800'],
  completed: ['Completed', 'bg-slate-100 text-slate-700'],
  cancelled: ['Cancelled', 'bg-rose-50 text-rose-800'],
  no_show: ['No-show', 'bg-amber-50 text-amber-800'],
};

export function StatusBadge({ status }: { status: BookingStatus }) {
  const [label, style] = STYLE[status];
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${style}`}>{label}</span>;
}
