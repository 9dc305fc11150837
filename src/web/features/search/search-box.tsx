import { Search } from 'lucide-react';
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

const WIDE = '(min-width: 640px)';
const subscribeWide = (onChange: () => void) => {
  const mq = window.matchMedia(WIDE);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
};

/** Whether the window is wider than a phone (Tailwind's sm), following resizes and rotation. */
const useWide = () => useSyncExternalStore(subscribeWide, () => window.matchMedia(WIDE).matches);

/** The example fits the box: the long one from tablet width up, a short one on a phone. */
export const searchPlaceholder = (wide: boolean) =>
  wide ? 'Try “piano under $80 tomorrow evening in Brooklyn”' : 'Try “yoga tonight”';

/** The one search box: free text, parsed by the server ("piano under $80 tomorrow evening"). */
export function SearchBox({
  initial = '',
  size = 'large',
}: {
  initial?: string;
  size?: 'large' | 'compact';
}) {
  const [q, setQ] = useState(initial);
  const navigate = useNavigate();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const text = q.trim();
    if (text) void navigate(`/search?q=${encodeURIComponent(text)}`);
  };
  const large = size === 'large';
  const wide = useWide();
  return (
    <form role="search" onSubmit={submit} className="flex w-full gap-2">
      <label htmlFor="search-q" className="sr-only">
        What do you want to learn?
      </label>
      <div className="relative flex-1">
        <Search
          className={`pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-slate-400 ${large ? 'size-5' : 'size-4'}`}
          aria-hidden
        />
        <input
          id="search-q"
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={searchPlaceholder(wide)}
          maxLength={200}
          autoComplete="off"
          className={`w-full rounded-xl border border-slate-300 bg-white pl-10 pr-3 shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 ${large ? 'h-14 text-base' : 'h-11 text-sm'}`}
        />
      </div>
      <button
        type="submit"
        // The large box sits on the indigo hero, where the usual indigo focus ring would vanish.
        className={`rounded-xl bg-indigo-600 font-semibold text-white hover:bg-indigo-700 ${large ? 'focus-on-dark h-14 px-3 sm:px-6' : 'h-11 px-4 text-sm'}`}
      >
        Search
      </button>
    </form>
  );
}
