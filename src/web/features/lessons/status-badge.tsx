import type { BookingStatus } from '../../api/contracts';
import { BOOKING_STATUS_LABEL } from '../../api/contracts';

const STYLE: Record<BookingStatus, string> = {
  confirmed: 'bg-emerald-50 text-emerald-800',
  completed: 'bg-slate-100 text-slate-700',
  cancelled: 'bg-rose-50 text-rose-800',
  no_show: 'bg-amber-50 text-amber-800',
};

export function StatusBadge({ status }: { status: BookingStatus }) {
  return (
    <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${STYLE[status]}`}>
      {BOOKING_STATUS_LABEL[status]}
    </span>
  );
}
