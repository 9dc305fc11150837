import { Link } from 'react-router';
import type { Booking } from '../../api/contracts';
import { formatMoney } from '../../lib/format';
import { formatDateTime, formatDuration } from '../../lib/time';
import { StatusBadge } from './status-badge';
import { Avatar } from '../../components/avatar';

export function LessonRow({ lesson: b, zone }: { lesson: Booking; zone: string }) {
  return (
    <Link
      to={`/lessons/${b.id}`}
      className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4 hover:border-indigo-300 sm:flex-row sm:items-center sm:justify-between"
    >
      <span className="flex items-center gap-3">
        <Avatar id={b.instructor.id} name={b.instructor.name} photoUrl={b.instructor.photoUrl} size="sm" />
        <span>
          <span className="block font-semibold">
            {b.service.name} with {b.instructor.name}
          </span>
          <span className="block text-sm text-slate-600">
            {formatDateTime(b.startsAt, zone)} · {formatDuration(b.durationMinutes)}
          </span>
        </span>
      </span>
      <span className="flex items-center gap-3 text-sm">
        {b.status === 'cancelled' && b.cancellationFeeCents ? (
          <span>Fee {formatMoney(b.cancellationFeeCents)}</span>
        ) : (
          <span>{formatMoney(b.priceCents)}</span>
        )}
        <StatusBadge status={b.status} />
      </span>
    </Link>
  );
}
