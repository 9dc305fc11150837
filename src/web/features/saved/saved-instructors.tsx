import { Star } from 'lucide-react';
import { Link } from 'react-router';
import type { SavedInstructor } from '../../api/contracts';
import { Avatar } from '../../components/avatar';
import { ButtonLink } from '../../components/button';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { formatMoney, ratingLabel } from '../../lib/format';
import { SaveButton } from './save-button';
import { useSavedInstructors } from './saved-queries';

function SavedCard({ s }: { s: SavedInstructor }) {
  return (
    <div className="flex items-start gap-3 rounded-xl border border-slate-200 p-4">
      <Avatar id={s.id} name={s.name} photoUrl={s.photoUrl} size="sm" />
      <div className="min-w-0 flex-1 space-y-1">
        <Link to={s.profilePath} className="font-semibold hover:text-indigo-700 hover:underline">
          {s.name}
        </Link>
        <p className="flex items-center gap-1 text-sm text-slate-600">
          <Star className="size-4 text-amber-500" aria-hidden />
          {ratingLabel(s.rating, s.reviewCount)}
        </p>
        <p className="text-sm text-slate-700">
          {s.services.length
            ? s.services.map((o) => `${o.service.name} ${formatMoney(o.hourlyRateCents)}/h`).join(' · ')
            : 'No lessons offered right now'}
        </p>
      </div>
      <SaveButton instructorId={s.id} name={s.name} />
    </div>
  );
}

/**
 * The signed-in person's saved instructors. `compact` (home page): only when there are some, at
 * most 6; otherwise (My Lessons) all of them, with an empty state.
 */
export function SavedInstructors({ compact = false }: { compact?: boolean }) {
  const saved = useSavedInstructors();
  if (saved.isPending) return compact ? <div className="h-24" aria-hidden /> : <Loading rows={2} />;
  if (saved.isError) return <ErrorState error={saved.error} retry={() => void saved.refetch()} />;
  const items = compact ? saved.data.items.slice(0, 6) : saved.data.items;
  if (compact && !items.length) return null;
  return (
    <section aria-labelledby="saved-heading" className="space-y-3">
      <h2 id="saved-heading" className="text-lg font-semibold">
        Saved instructors
      </h2>
      {items.length === 0 ? (
        <EmptyState title="No saved instructors yet">
          <p className="mb-3">Press Save on a search result or a profile to keep an instructor here.</p>
          <ButtonLink to="/" variant="secondary">
            Find an instructor
          </ButtonLink>
        </EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {items.map((s) => (
            <li key={s.id}>
              <SavedCard s={s} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
