import { Link } from 'react-router';
import type { WeekBooking } from '../../api/contracts';
import { longDay } from '../../lib/time';

export type BookedCell = WeekBooking & { date: string };

/** What a booked cell holds, and the way to the lesson: booked time is not edited in the grid. */
export function BookedCellPreview({ booking }: { booking: BookedCell }) {
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-2 rounded-xl bg-amber-50 p-4 text-sm text-amber-900"
    >
      <span>
        Booked: <strong>{booking.service}</strong> on {longDay(booking.date)}, {booking.start}–{booking.end}.
        A booked time cannot be changed here; cancel the lesson first if you must.
      </span>
      <Link to={`/lessons/${booking.id}`} className="font-semibold underline">
        Open the lesson
      </Link>
    </div>
  );
}
