import {
  Baby,
  Dumbbell,
  Gem,
  Globe,
  GraduationCap,
  Languages,
  Music,
  Palette,
  type LucideIcon,
} from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/states';
import { serviceSearchUrl, useTopPerCategory } from '../catalog/catalog-queries';

// The catalog names an icon per category (data/catalog.json); unknown names fall back to a globe.
const ICONS: Record<string, LucideIcon> = {
  music: Music,
  'graduation-cap': GraduationCap,
  dumbbell: Dumbbell,
  languages: Languages,
  palette: Palette,
  baby: Baby,
  gem: Gem,
};
export const categoryIcon = (icon: string) => ICONS[icon] ?? Globe;

/** Seven category tabs; hovering or focusing one previews its top services as pills. */
export function CategoryTabs() {
  const top = useTopPerCategory();
  const [active, setActive] = useState(0);
  if (top.isError) return <ErrorState error={top.error} retry={() => void top.refetch()} />;
  const categories = top.data?.categories ?? [];
  const current = categories[active];
  return (
    <section aria-labelledby="browse-heading" className="space-y-4">
      <h2 id="browse-heading" className="text-lg font-semibold">
        Browse by category
      </h2>
      {/* Fixed heights keep the page from jumping when the catalog arrives. */}
      {/* A phone shows all seven in a grid (nothing clipped, no hidden scroll); wider, one row. */}
      <div
        role="tablist"
        aria-label="Categories"
        className="grid min-h-[76px] grid-cols-4 gap-2 pb-2 sm:flex sm:overflow-x-auto"
      >
        {top.isPending
          ? Array.from({ length: 7 }, (_, i) => (
              <div
                key={i}
                className="h-[68px] shrink-0 motion-safe:animate-pulse rounded-xl bg-slate-100 sm:w-28"
              />
            ))
          : categories.map((c, i) => {
              const Icon = categoryIcon(c.icon);
              const selected = i === active;
              return (
                <button
                  key={c.id}
                  role="tab"
                  type="button"
                  id={`tab-${c.slug}`}
                  aria-selected={selected}
                  aria-controls="category-panel"
                  onMouseEnter={() => setActive(i)}
                  onFocus={() => setActive(i)}
                  onClick={() => setActive(i)}
                  className={`flex h-[68px] min-w-0 shrink-0 flex-col items-center justify-center gap-1 rounded-xl border px-1 text-center text-xs leading-tight font-medium sm:w-28 ${selected ? 'border-indigo-600 bg-indigo-50 text-indigo-800' : 'border-slate-200 text-slate-700 hover:border-slate-300'}`}
                >
                  <Icon className="size-5" aria-hidden />
                  {c.name}
                </button>
              );
            })}
      </div>
      <div
        id="category-panel"
        role="tabpanel"
        aria-labelledby={current ? `tab-${current.slug}` : undefined}
        className="min-h-[88px] space-y-2"
      >
        {current && (
          <>
            <p className="text-sm text-slate-500">{current.subtitle}</p>
            <ul className="flex flex-wrap gap-2">
              {current.services.slice(0, 7).map((s) => (
                <li key={s.id}>
                  <Link
                    to={serviceSearchUrl(s.name)}
                    className="inline-block rounded-full border border-slate-300 px-4 py-1.5 text-sm hover:border-indigo-500 hover:text-indigo-700"
                  >
                    {s.name}
                  </Link>
                </li>
              ))}
              <li>
                <Link
                  to={`/services#${current.slug}`}
                  className="inline-block rounded-full border border-slate-300 px-4 py-1.5 text-sm hover:border-indigo-500"
                  aria-label={`All ${current.name} services`}
                >
                  •••
                </Link>
              </li>
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
