import { Heart } from 'lucide-react';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { authLink } from '../auth/auth-links';
import { useMe } from '../auth/use-me';
import { useSavedIds, useToggleSaved } from './saved-queries';

/**
 * The heart on a search card or a profile: "Save Ada L." / "Saved". A guest is sent to log in
 * and comes back to this page; the change shows at once and is undone if the server refuses.
 */
export function SaveButton({ instructorId, name }: { instructorId: string; name: string }) {
  const { data: me } = useMe();
  const saved = useSavedIds();
  const toggle = useToggleSaved();
  const navigate = useNavigate();
  const location = useLocation();
  if (me && me.id === instructorId) return null;
  const isSaved = !!saved.data?.has(instructorId);
  const onClick = () => {
    if (!me) {
      void navigate(authLink('/login', location.pathname + location.search));
      return;
    }
    toggle.mutate({ id: instructorId, save: !isSaved });
  };
  const failed = toggle.isError && toggle.variables?.id === instructorId;
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <button
        type="button"
        onClick={onClick}
        aria-pressed={isSaved}
        aria-label={isSaved ? 'Saved' : `Save ${name}`}
        title={isSaved ? `Saved — press to remove ${name}` : `Save ${name}`}
        className={`inline-flex items-center gap-1 rounded-full border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${isSaved ? 'border-rose-200 bg-rose-50 text-rose-700 hover:bg-rose-100' : 'border-slate-300 text-slate-700 hover:bg-slate-50'}`}
      >
        <Heart className={`size-4 ${isSaved ? 'fill-current' : ''}`} aria-hidden />
        <span aria-hidden>{isSaved ? 'Saved' : 'Save'}</span>
      </button>
      {failed && (
        <span role="alert" className="text-xs text-red-700">
          {errorMessage(toggle.error)}
        </span>
      )}
    </span>
  );
}
