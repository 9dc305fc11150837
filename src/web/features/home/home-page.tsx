import { CalendarCheck, Search, Sparkles } from 'lucide-react';
import { Link } from 'react-router';
import { useMe } from '../auth/use-me';
import { SavedInstructors } from '../saved/saved-instructors';
import { SearchBox } from '../search/search-box';
import { BookAgain } from './book-again';
import { CategoryTabs } from './category-tabs';
import { NotificationBar } from './notification-bar';
import { RecentSearches } from './recent-searches';
import { UpcomingLessons } from './upcoming-lessons';

const STEPS = [
  {
    icon: Search,
    title: 'Say what you want',
    text: 'Type it as you would say it: “guitar for kids on Saturday in Queens”.',
  },
  {
    icon: Sparkles,
    title: 'See who is free',
    text: 'Only instructors with a real open slot for you, with their next times.',
  },
  {
    icon: CalendarCheck,
    title: 'Book in seconds',
    text: 'Pick a time and a length; the price and policy are shown before you confirm.',
  },
];

export default function HomePage() {
  const { data: me } = useMe();
  return (
    <div className="space-y-10">
      {me && (
        <NotificationBar id="welcome-v1">
          Cancel free of charge until 24 hours before a lesson, and move it until 12 hours before.
        </NotificationBar>
      )}
      <section className="space-y-5 rounded-3xl bg-gradient-to-br from-indigo-600 to-violet-600 px-5 py-10 text-white sm:px-10 sm:py-14">
        <h1 className="max-w-2xl text-3xl font-bold tracking-tight sm:text-4xl">
          {me
            ? `What do you want to learn next, ${me.fullName.split(' ')[0]}?`
            : 'Learn anything from a local instructor, booked in seconds.'}
        </h1>
        <p className="max-w-xl text-indigo-100">
          Piano, Spanish, swimming, SAT prep and 250 more, across all five boroughs of New York City.
        </p>
        <div className="max-w-2xl text-slate-900">
          <SearchBox />
        </div>
      </section>

      {/* Browsing sits right under the search box; a guest's recent searches close the page,
          after how it works (PRODUCT §9), a signed-in person's come with their lessons. */}
      <CategoryTabs />
      {me && <UpcomingLessons />}
      {me && <RecentSearches />}
      {me && <BookAgain />}
      {me && <SavedInstructors compact />}

      {!me && (
        <section aria-labelledby="how-heading" className="space-y-4">
          <h2 id="how-heading" className="text-lg font-semibold">
            How it works
          </h2>
          <ol className="grid gap-4 sm:grid-cols-3">
            {STEPS.map(({ icon: Icon, title, text }, i) => (
              <li key={title} className="space-y-2 rounded-2xl border border-slate-200 p-5">
                <Icon className="size-6 text-indigo-600" aria-hidden />
                <p className="font-semibold">
                  {i + 1}. {title}
                </p>
                <p className="text-sm text-slate-600">{text}</p>
              </li>
            ))}
          </ol>
          <p className="text-sm text-slate-600">
            Teach something?{' '}
            <Link to="/signup?next=%2Fteach%2Fstart" className="text-indigo-700 hover:underline">
              Become an instructor
            </Link>
            .
          </p>
        </section>
      )}
      {!me && <RecentSearches />}
    </div>
  );
}
