import { Clock, X } from 'lucide-react';
import { Link } from 'react-router';
import { ErrorState, InlineError } from '../../components/states';
import { useDeleteSearch, useRecentSearches } from '../search/history-queries';

export function RecentSearches() {
  const recent = useRecentSearches();
  const remove = useDeleteSearch();
  if (recent.isPending) return <div className="h-10" aria-hidden />;
  if (recent.isError) return <ErrorState error={recent.error} retry={() => void recent.refetch()} />;
  if (!recent.data.items.length) return null;
  return (
    <section aria-labelledby="recent-heading" className="space-y-3">
      <h2 id="recent-heading" className="text-lg font-semibold">
        Your recent searches
      </h2>
      <ul className="flex flex-wrap gap-2">
        {recent.data.items.map((h) => (
          <li key={h.id} className="flex items-center rounded-full border border-slate-300 bg-white text-sm">
            <Link
              to={`/search?q=${encodeURIComponent(h.query)}&type=search_history`}
              className="flex items-center gap-1.5 py-1.5 pl-3 pr-1 hover:text-indigo-700"
            >
              <Clock className="size-3.5 text-slate-400" aria-hidden /> {h.query}
            </Link>
            <button
              type="button"
              onClick={() => remove.mutate(h.id)}
              className="mr-1 rounded-full p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
              aria-label={`Delete “${h.query}” from your recent searches`}
            >
              <X className="size-3.5" aria-hidden />
            </button>
          </li>
        ))}
      </ul>
      <InlineError error={remove.error} />
    </section>
  );
}
