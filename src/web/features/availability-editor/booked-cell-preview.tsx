import { Link } from 'react-router';
import type { WeekBooking } from '../../api/contracts';
import { Dialog } from '../../components/dialog';
import { longDay } from '../../lib/time';

export type BookedCell = WeekBooking & { date: string };

/** What a booked cell holds, and the way to the lesson: booked time is not edited in the grid. */
export function BookedCellPreview({ booking, onClose }: { booking: BookedCell | null; onClose: () => void }) {
  return (
    <Dialog open={!!booking} onClose={onClose} title="Booked lesson">
      {booking && (
        <div className="space-y-4 text-sm text-slate-700">
          <p>
            <strong>{booking.service}</strong> on {longDay(booking.date)}, {booking.start}–{booking.end}.
          </p>
          <p>A booked time cannot be changed here; cancel the lesson first if you must.</p>
          <Link to={`/lessons/${booking.id}`} className="font-semibold text-indigo-700 underline">
            Open the lesson
          </Link>
        </div>
      )}
    </Dialog>
  );
}
