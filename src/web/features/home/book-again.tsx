import { RotateCcw } from 'lucide-react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { useBookAgain } from '../lessons/lesson-queries';

/** Instructors the student has had lessons with, one tap from booking them again. */
export function BookAgain() {
  const again = useBookAgain();
  if (again.isPending) return <div className="h-24" aria-hidden />;
  if (again.isError) return <ErrorState error={again.error} retry={() => void again.refetch()} />;
  if (!again.data.items.length) return null;
  return (
    <section aria-labelledby="again-heading" className="space-y-3">
      <h2 id="again-heading" className="text-lg font-semibold">
        Book again
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {again.data.items.slice(0, 6).map((item) => (
          <li key={item.instructorServiceId}>
            <Link
              to={`/book/${item.instructor.id}/${item.instructorServiceId}`}
              className="flex items-center justify-between gap-3 rounded-xl border border-slate-200 p-4 hover:border-indigo-300"
            >
              <span>
                <span className="block font-semibold">{item.service.name}</span>
                <span className="block text-sm text-slate-600">
                  {item.instructor.name} · {formatMoney(item.hourlyRateCents)}/h
                </span>
              </span>
              <RotateCcw className="size-5 text-indigo-600" aria-hidden />
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
