import { useSearchParams } from 'react-router';
import { Pager, pageCount } from '../../components/pager';
import { ButtonLink } from '../../components/button';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { browserZone, zoneLabel } from '../../lib/time';
import { useMe } from '../auth/use-me';
import { SavedInstructors } from '../saved/saved-instructors';
import { BookAgain } from '../home/book-again';
import { useMyLessons, type Scope } from './lesson-queries';
import { LessonRow } from './lesson-row';

type Tab = Scope | 'saved';
const TABS: { tab: Tab; label: string }[] = [
  { tab: 'upcoming', label: 'Upcoming' },
  { tab: 'history', label: 'History' },
  { tab: 'saved', label: 'Saved instructors' },
];

export default function MyLessonsPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab =
    params.get('tab') === 'history' || params.get('tab') === 'saved'
      ? (params.get('tab') as Tab)
      : 'upcoming';
  // The saved tab keeps the upcoming lessons query warm; it shows only the saved instructors.
  const scope: Scope = tab === 'history' ? 'history' : 'upcoming';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const lessons = useMyLessons(scope, page);
  const { data: me } = useMe();
  const zone = me?.timezone ?? browserZone();
  const pages = pageCount(lessons.data);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">My lessons</h1>
      <div role="tablist" aria-label="Lessons" className="flex gap-2 border-b border-slate-200">
        {TABS.map((t) => (
          <button
            key={t.tab}
            role="tab"
            type="button"
            aria-selected={tab === t.tab}
            aria-controls="lessons-panel"
            onClick={() => setParams({ tab: t.tab })}
            className={`-mb-px border-b-2 px-4 py-2 text-sm font-medium ${tab === t.tab ? 'border-indigo-600 text-indigo-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'saved' ? (
        <div id="lessons-panel" role="tabpanel" aria-label="Saved instructors">
          <SavedInstructors />
        </div>
      ) : (
        <div id="lessons-panel" role="tabpanel" className="space-y-3">
          <p className="text-xs text-slate-500">Times in {zoneLabel(zone)}</p>
          {lessons.isPending ? (
            <Loading rows={3} />
          ) : lessons.isError ? (
            <ErrorState error={lessons.error} retry={() => void lessons.refetch()} />
          ) : lessons.data.items.length === 0 ? (
            <EmptyState title={scope === 'upcoming' ? 'No upcoming lessons' : 'No past lessons yet'}>
              <ButtonLink to="/" variant="secondary">
                Find an instructor
              </ButtonLink>
            </EmptyState>
          ) : (
            <ul className="space-y-3">
              {lessons.data.items.map((b) => (
                <li key={b.id}>
                  <LessonRow lesson={b} zone={zone} />
                </li>
              ))}
            </ul>
          )}
          <Pager page={page} pages={pages} onPage={(n) => setParams({ tab: scope, page: String(n) })} />
        </div>
      )}
      {scope === 'history' && <BookAgain />}
    </div>
  );
}
