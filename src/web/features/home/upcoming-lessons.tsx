import { CalendarDays } from 'lucide-react';
import { Link } from 'react-router';
import { DEFAULT_TIME_ZONE } from '../../api/contracts';
import { ButtonLink } from '../../components/button';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { formatDateTime, zoneLabel } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { useMyLessons } from '../lessons/lesson-queries';

export function UpcomingLessons() {
  const { data: me } = useMe();
  const lessons = useMyLessons('upcoming', 1, 2);
  const zone = me?.timezone ?? DEFAULT_TIME_ZONE;
  return (
    <section aria-labelledby="upcoming-heading" className="space-y-3">
      <div className="flex items-baseline justify-between">
        <h2 id="upcoming-heading" className="text-lg font-semibold">
          Your upcoming lessons
        </h2>
        <Link to="/lessons" className="text-sm text-indigo-700 hover:underline">
          See all
        </Link>
      </div>
      {lessons.isPending ? (
        <Loading rows={2} />
      ) : lessons.isError ? (
        <ErrorState error={lessons.error} retry={() => void lessons.refetch()} />
      ) : lessons.data.items.length === 0 ? (
        <EmptyState title="No lessons booked yet">Search above to find your first instructor.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {lessons.data.items.map((b) => (
            <li key={b.id}>
              <Link
                to={`/lessons/${b.id}`}
                className="flex items-start gap-3 rounded-xl border border-slate-200 p-4 hover:border-indigo-300"
              >
                <CalendarDays className="mt-0.5 size-5 text-indigo-600" aria-hidden />
                <span>
                  <span className="block font-semibold">
                    {b.service.name} with {b.instructor.name}
                  </span>
                  <span className="block text-sm text-slate-600">{formatDateTime(b.startsAt, zone)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {lessons.data && lessons.data.total > 2 && (
        <ButtonLink to="/lessons" variant="secondary">
          {lessons.data.total - 2} more
        </ButtonLink>
      )}
      <p className="text-xs text-slate-500">Times in {zoneLabel(zone)}</p>
    </section>
  );
}
