import { X } from 'lucide-react';
import { Link } from 'react-router';
import type { RelaxKind, SearchParsed } from '../../api/contracts';
import { useTopPerCategory } from '../catalog/catalog-queries';
import { appliedChips, chipsOf, wordsOfSlug, type Chip, type FilterName } from './chips';

const removable = (c: Chip) => !!(c.clears || c.dropsService);

export function SearchChips({
  parsed,
  relaxed,
  onClear,
  onDropService,
}: {
  parsed: SearchParsed;
  /** The steps the server let go of (nothing matched as asked). */
  relaxed: readonly RelaxKind[];
  onClear: (names: FilterName[]) => void;
  onDropService: (slug: string) => void;
}) {
  // The catalog's category names (cached for minutes, and with an ETag), so a chip never shows a slug.
  const top = useTopPerCategory();
  const chips = appliedChips(
    chipsOf(parsed, (slug) => top.data?.categories.find((c) => c.slug === slug)?.name ?? wordsOfSlug(slug)),
    relaxed,
  );
  if (!chips.length) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-600">Showing:</span>
      <ul className="flex flex-wrap gap-2" aria-label="What we understood">
        {chips.map((c) => (
          <li key={c.label} className="flex items-center rounded-full bg-indigo-50 text-sm text-indigo-900">
            <span
              className={`${removable(c) ? 'py-1 pl-3' : 'px-3 py-1'} ${c.relaxed ? 'line-through' : ''}`}
            >
              {c.label}
              {c.relaxed && <span className="sr-only"> (no match, not applied)</span>}
            </span>
            {removable(c) ? (
              <button
                type="button"
                onClick={() => (c.clears ? onClear(c.clears) : onDropService(c.dropsService!))}
                className="ml-1 mr-1 rounded-full p-1 hover:bg-indigo-100"
                aria-label={`Remove “${c.label}”`}
              >
                <X className="size-3.5" aria-hidden />
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {parsed.services.length > 0 && (
        <Link to="/services" className="text-sm text-indigo-700 hover:underline">
          Other services
        </Link>
      )}
    </div>
  );
}
