import {
  CalendarDays,
  GraduationCap,
  LayoutGrid,
  LogOut,
  Menu,
  MessageSquare,
  Activity,
  ShieldCheck,
  UserRound,
  X,
} from 'lucide-react';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { authLink, returnPathOf } from '../features/auth/auth-links';
import { can } from '../features/auth/can';
import { VerifyEmailBanner } from '../features/auth/email-verification';
import { isInstructor, useMe, useSignOut } from '../features/auth/use-me';
import { LiveMessages } from '../features/messages/live-messages';
import { useUnreadTotal } from '../features/messages/messages-queries';
import { usePageTitle } from './page-title';
import { Loading } from './states';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium ${isActive ? 'bg-indigo-50 text-indigo-700' : 'text-slate-700 hover:bg-slate-100'}`;

function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const back = returnPathOf(location.pathname, location.search);
  return (
    <>
      <NavLink to="/services" className={navClass} onClick={onNavigate}>
        <LayoutGrid className="size-4" aria-hidden /> All services
      </NavLink>
      {me ? (
        <>
          <NavLink to="/lessons" className={navClass} onClick={onNavigate}>
            <CalendarDays className="size-4" aria-hidden /> My lessons
          </NavLink>
          <NavLink to="/messages" className={navClass} onClick={onNavigate}>
            <MessageSquare className="size-4" aria-hidden /> Messages <UnreadBadge />
          </NavLink>
          <NavLink
            to={isInstructor(me) ? '/teach' : '/teach/start'}
            className={navClass}
            onClick={onNavigate}
          >
            <GraduationCap className="size-4" aria-hidden />{' '}
            {isInstructor(me) ? 'Teaching' : 'Become an instructor'}
          </NavLink>
          {can(me, 'view_all_users') && (
            <NavLink to="/admin/users" className={navClass} onClick={onNavigate}>
              <ShieldCheck className="size-4" aria-hidden /> Admin
            </NavLink>
          )}
          {can(me, 'access_monitoring') && (
            <NavLink to="/admin/operations" className={navClass} onClick={onNavigate}>
              <Activity className="size-4" aria-hidden /> Operations
            </NavLink>
          )}
          <NavLink to="/account" className={navClass} onClick={onNavigate}>
            <UserRound className="size-4" aria-hidden /> {me.fullName.split(' ')[0]}
          </NavLink>
          <button
            type="button"
            className={navClass({ isActive: false })}
            onClick={() =>
              signOut.mutate(undefined, {
                onSuccess: () => {
                  onNavigate?.();
                  void navigate('/');
                },
              })
            }
          >
            <LogOut className="size-4" aria-hidden /> Log out
          </button>
        </>
      ) : (
        <>
          <NavLink to={authLink('/login', back)} className={navClass} onClick={onNavigate}>
            Log in
          </NavLink>
          <Link
            to={authLink('/signup', back)}
            onClick={onNavigate}
            className="rounded-lg bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-700"
          >
            Sign up
          </Link>
        </>
      )}
    </>
  );
}

/** The live count of unread messages; nothing when there are none. */
function UnreadBadge() {
  const { data: me } = useMe();
  const { data: total = 0 } = useUnreadTotal(!!me);
  if (!me || total === 0) return null;
  return (
    <span
      data-testid="unread-badge"
      className="min-w-5 rounded-full bg-rose-600 px-1.5 text-center text-xs font-semibold leading-5 text-white"
    >
      {total > 99 ? '99+' : total}
      <span className="sr-only"> unread</span>
    </span>
  );
}

/** Moves focus to the page's heading after a client-side navigation, as a page load would. */
function useFocusOnNavigate() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (h1) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }, [location.pathname]);
}

export function Layout() {
  const [menuOpen, setMenuOpen] = useState(false);
  const { data: me } = useMe();
  useFocusOnNavigate();
  usePageTitle();
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4">
          <Link to="/" className="flex items-center gap-2 text-lg font-bold text-indigo-700">
            <img src="/favicon.svg" alt="" width={28} height={28} /> InstaInstru
          </Link>
          {/* An admin's six links crowd a tablet-width header, so below 1024 px they sit in the menu. */}
          <nav aria-label="Main" className="hidden items-center gap-1 lg:flex">
            <NavLinks />
          </nav>
          <button
            type="button"
            className="flex items-center gap-1 rounded-lg p-2 text-slate-700 hover:bg-slate-100 lg:hidden"
            aria-expanded={menuOpen}
            aria-controls="mobile-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            {menuOpen ? <X className="size-6" aria-hidden /> : <Menu className="size-6" aria-hidden />}
            <span className="sr-only">Menu</span>
            {/* The menu hides the nav badge on narrow screens, so the count shows on its button too. */}
            {!menuOpen && <UnreadBadge />}
          </button>
        </div>
        {menuOpen && (
          <nav
            id="mobile-nav"
            aria-label="Main"
            className="flex flex-col gap-1 border-t border-slate-200 p-3 lg:hidden"
          >
            <NavLinks onNavigate={() => setMenuOpen(false)} />
          </nav>
        )}
      </header>
      {me && <LiveMessages key={me.id} userId={me.id} />}
      <VerifyEmailBanner />
      {/* At least a screen tall, so the footer never sits in view and jumps while a page loads. */}
      <main id="main" className="mx-auto min-h-dvh w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-xs text-slate-500">
        InstaInstru · lessons from local instructors in New York City ·{' '}
        <a href="/api/docs" className="underline">
          API
        </a>
      </footer>
    </div>
  );
}
