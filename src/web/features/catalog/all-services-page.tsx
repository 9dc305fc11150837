import { Link } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { categoryIcon } from '../home/category-tabs';
import { serviceSearchUrl, useCatalogAll } from './catalog-queries';

/** The whole catalog in seven columns; services nobody teaches yet are greyed, not hidden. */
export default function AllServicesPage() {
  const all = useCatalogAll();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">All services</h1>
      {all.isPending ? (
        <Loading rows={6} />
      ) : all.isError ? (
        <ErrorState error={all.error} retry={() => void all.refetch()} />
      ) : (
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
          {all.data.categories.map((c) => {
            const Icon = categoryIcon(c.icon);
            return (
              <section
                key={c.id}
                id={c.slug}
                aria-labelledby={`cat-${c.slug}`}
                className="scroll-mt-24 space-y-2"
              >
                <h2 id={`cat-${c.slug}`} className="flex items-center gap-2 font-semibold">
                  <Icon className="size-4 text-indigo-600" aria-hidden /> {c.name}
                </h2>
                <ul className="space-y-1 text-sm">
                  {c.services.map((s) =>
                    s.instructorCount > 0 ? (
                      <li key={s.id}>
                        <Link
                          to={serviceSearchUrl(s.name)}
                          className="flex justify-between gap-2 rounded px-1 py-0.5 hover:bg-indigo-50 hover:text-indigo-700"
                          title={s.minRateCents ? `From ${formatMoney(s.minRateCents)}/h` : undefined}
                        >
                          <span>{s.name}</span>
                          <span className="text-slate-500" aria-label={`${s.instructorCount} instructors`}>
                            {s.instructorCount}
                          </span>
                        </Link>
                      </li>
                    ) : (
                      <li key={s.id} className="flex justify-between gap-2 px-1 py-0.5 text-slate-500">
                        <span>{s.name}</span>
                        <span aria-label="no instructors yet">0</span>
                      </li>
                    ),
                  )}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
