import { useEffect, useRef } from 'react';
import { Button } from '../../components/button';
import { Link, useSearchParams } from 'react-router';
import { Pager, pageCount } from '../../components/pager';
import { SelectField } from '../../components/field';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { browserZone, zoneLabel } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { serviceSearchUrl, useTopPerCategory } from '../catalog/catalog-queries';
import { ResultCard } from './result-card';
import { SearchBox } from './search-box';
import { chipsOf, withoutService, type FilterName } from './chips';
import { SearchChips } from './search-chips';
import { SearchFilters } from './search-filters';
import { LocationUnknownNotice, RelaxedNotice, UnrecognisedWords } from './search-notices';
import { recordInteraction, useSearch } from './search-queries';
import { resultsView } from './results-view';

function Suggestions() {
  const top = useTopPerCategory();
  const popular = top.data?.categories.flatMap((c) => c.services.slice(0, 1)) ?? [];
  if (!popular.length) return null;
  return (
    <div className="space-y-2">
      <p>Popular right now:</p>
      <ul className="flex flex-wrap justify-center gap-2">
        {popular.map((s) => (
          <li key={s.id}>
            <Link
              to={serviceSearchUrl(s.name)}
              className="rounded-full border border-slate-300 px-3 py-1 hover:border-indigo-500"
            >
              {s.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function SearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const { data: me } = useMe();
  const zone = me?.timezone ?? browserZone();
  const search = useSearch(params);
  const searchedAt = useRef(0);
  useEffect(() => {
    searchedAt.current = Date.now();
  }, [search.data?.searchEventId]);

  const update = (changes: Partial<Record<FilterName | 'q' | 'sort' | 'page', string>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v);
    // A new filter or sort starts again at page 1; a history search is now a filter search.
    if (!('page' in changes)) next.delete('page');
    if (!('page' in changes) && !('sort' in changes)) next.set('type', 'filter');
    setParams(next);
  };
  const clear = (names: FilterName[]) => update(Object.fromEntries(names.map((n) => [n, 'any'])));

  const resultsTop = useRef<HTMLElement>(null);
  // A new page starts at the top of the results (the pager sits at their bottom).
  const toPage = (n: number) => {
    update({ page: String(n) });
    resultsTop.current?.scrollIntoView({ block: 'start' });
    resultsTop.current?.focus({ preventScroll: true });
  };

  const data = search.data;
  const view = data ? resultsView(data) : null;
  const dropService = (slug: string) => data && update(withoutService(data.parsed, slug));
  const pages = pageCount(data);
  const page = data?.page ?? 1;
  return (
    <div className="space-y-6">
      <SearchBox key={q} initial={q} size="compact" />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{q ? `Results for “${q}”` : 'Search'}</h1>
          {/* Always one line tall, so the results do not jump when the count arrives. */}
          <p className="min-h-5 text-sm text-slate-600" aria-live="polite">
            {data
              ? `${data.total === 1 ? '1 instructor' : `${data.total} instructors`} with open times · times in ${zoneLabel(zone)}`
              : '\u00a0'}
          </p>
        </div>
        <div className="w-48">
          <SelectField
            label="Sort by"
            value={params.get('sort') ?? 'relevance'}
            onChange={(e) => update({ sort: e.target.value })}
          >
            <option value="relevance">Best match</option>
            <option value="soonest">Soonest available</option>
            <option value="price">Lowest price</option>
            <option value="rating">Top rated</option>
          </SelectField>
        </div>
      </div>
      <div className="min-h-8">
        {data && (
          <SearchChips
            parsed={data.parsed}
            relaxed={data.relaxed.map((r) => r.kind)}
            onClear={clear}
            onDropService={dropService}
          />
        )}
      </div>
      {data && <UnrecognisedWords data={data} />}
      {data && <LocationUnknownNotice data={data} />}

      <div className="grid gap-6 md:grid-cols-[240px_1fr]">
        <aside aria-label="Filters">
          {data ? (
            <SearchFilters parsed={data.parsed} onChange={(name, value) => update({ [name]: value })} />
          ) : null}
        </aside>
        <section
          ref={resultsTop}
          tabIndex={-1}
          aria-label="Results"
          aria-busy={search.isFetching}
          className="scroll-mt-4 space-y-4 outline-none"
        >
          {!q ? (
            <EmptyState title="Type what you want to learn">
              <Suggestions />
            </EmptyState>
          ) : search.isPending ? (
            <Loading label="Searching…" rows={4} />
          ) : search.isError ? (
            <ErrorState error={search.error} retry={() => void search.refetch()} />
          ) : view?.kind === 'past-end' ? (
            <EmptyState title={`There is no page ${page}: the results end at page ${view.lastPage}`}>
              <nav aria-label="Pages" className="flex justify-center gap-2">
                {view.lastPage > 1 && (
                  <Button variant="secondary" onClick={() => toPage(1)}>
                    First page
                  </Button>
                )}
                <Button onClick={() => toPage(view.lastPage)}>Go to page {view.lastPage}</Button>
              </nav>
            </EmptyState>
          ) : view?.kind === 'none' ? (
            <EmptyState title="No instructors with open times match that">
              <div className="space-y-4">
                {chipsOf(data!.parsed).some((c) => c.clears) && (
                  <p>Try removing a filter above, or a different day or time.</p>
                )}
                <Suggestions />
              </div>
            </EmptyState>
          ) : (
            <>
              <RelaxedNotice data={data!} onApply={update} />
              <ol className="space-y-4">
                {data!.results.map((r, i) => (
                  <li key={r.instructorServiceId}>
                    <ResultCard
                      result={r}
                      zone={zone}
                      duration={data!.parsed.durationMinutes}
                      onOpen={() =>
                        recordInteraction({
                          searchEventId: data!.searchEventId,
                          kind: 'click',
                          instructorServiceId: r.instructorServiceId,
                          position: (page - 1) * data!.perPage + i + 1,
                          timeToInteractionMs: Math.min(Date.now() - searchedAt.current, 86_400_000),
                        })
                      }
                    />
                  </li>
                ))}
              </ol>
              <Pager page={page} pages={pages} onPage={toPage} />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
