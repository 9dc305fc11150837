import { Link } from 'react-router';
import type { SearchResponse } from '../../api/contracts';
import type { FilterName } from './chips';
import { correctedQuery, relaxedFilters, relaxedHeadline } from './relaxed';

const searchUrl = (q: string) => `/search?q=${encodeURIComponent(q)}`;

/**
 * Nothing matched as asked, so the results are relaxed: say so, and offer each relaxed step as a
 * chip that keeps it with one click (the service step searches the service shown).
 */
export function RelaxedNotice({
  data,
  categoryName,
  onApply,
}: {
  data: SearchResponse;
  categoryName?: string;
  onApply: (filters: Partial<Record<FilterName, string>>) => void;
}) {
  if (!data.relaxed.length) return null;
  const shownService = data.results[0]?.service.name;
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-medium text-amber-900">{relaxedHeadline(data.parsed, data.relaxed, categoryName)}</p>
      <ul className="flex flex-wrap gap-2" aria-label="What we relaxed">
        {data.relaxed.map((step) => {
          const filters = relaxedFilters(step);
          const label = `${step.from} → ${step.to}`;
          const chip =
            'rounded-full border border-amber-400 bg-white px-3 py-1 text-amber-900 hover:bg-amber-100';
          return (
            <li key={step.kind}>
              {filters ? (
                <button type="button" className={chip} onClick={() => onApply(filters)}>
                  {label}
                </button>
              ) : shownService ? (
                <Link className={chip} to={searchUrl(shownService)}>
                  {label}
                </Link>
              ) : (
                <span className={chip}>{label}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** "near me" from a place the server could not tell: the results are not narrowed, and it says so. */
export function LocationUnknownNotice({ data }: { data: SearchResponse }) {
  if (!data.parsed.locationUnknown) return null;
  return (
    <p role="status" className="text-sm text-slate-700">
      We couldn’t tell where you are — pick a borough.
    </p>
  );
}

/** "We didn't recognise 'zxcv'", with a "did you mean" search when a catalog word is close. */
export function UnrecognisedWords({ data }: { data: SearchResponse }) {
  const words = data.parsed.unmatchedWords;
  if (!words.length) return null;
  return (
    <p className="text-sm text-slate-700">
      We didn’t recognise {words.map((w) => `‘${w}’`).join(', ')}.
      {data.didYouMean.length > 0 && (
        <>
          {' '}
          Did you mean{' '}
          <Link
            className="font-medium text-indigo-700 hover:underline"
            to={searchUrl(correctedQuery(data.query, data.didYouMean))}
          >
            {data.didYouMean.map((d) => d.suggestion).join(', ')}
          </Link>
          ?
        </>
      )}
    </p>
  );
}
