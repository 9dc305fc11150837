import { CalendarClock, CalendarDays, ExternalLink, UserRoundPen } from 'lucide-react';
import { ButtonLink } from '../../components/button';
import { ErrorState, Loading } from '../../components/states';
import { formatMoney } from '../../lib/format';
import { browserZone } from '../../lib/time';
import { ResendVerification } from '../auth/email-verification';
import { isInstructor, useMe } from '../auth/use-me';
import { useMyProfile, useStats } from './dashboard-queries';
import { SearchableChecklist } from './searchable-checklist';
import { TeachingLessons } from './teaching-lessons';

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div className="rounded-xl border border-slate-200 p-4">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="text-2xl font-bold">{value}</dd>
    </div>
  );
}

export default function DashboardPage() {
  const { data: me } = useMe();
  const instructor = isInstructor(me);
  const profile = useMyProfile(instructor);
  const stats = useStats();
  if (!me) return <Loading rows={3} />;
  if (!instructor) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-2xl font-bold">Teach on InstaInstru</h1>
        <p className="text-slate-600">
          Set up a profile, your services and your hours, and students can book you.
        </p>
        <ButtonLink to="/teach/start">Become an instructor</ButtonLink>
      </div>
    );
  }
  const zone = me.timezone ?? browserZone();
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Teaching dashboard</h1>
        <div className="flex flex-wrap gap-2">
          <ButtonLink variant="secondary" to="/teach/schedule">
            <CalendarDays className="size-4" aria-hidden /> Schedule
          </ButtonLink>
          <ButtonLink variant="secondary" to="/teach/profile">
            <UserRoundPen className="size-4" aria-hidden /> Profile and services
          </ButtonLink>
          <ButtonLink variant="secondary" to="/teach/availability">
            <CalendarClock className="size-4" aria-hidden /> Availability
          </ButtonLink>
          {profile.data && (
            <ButtonLink variant="ghost" to={`/instructors/${profile.data.id}`}>
              <ExternalLink className="size-4" aria-hidden /> Public profile
            </ButtonLink>
          )}
        </div>
      </div>
      {me && !me.emailVerified && (
        <div className="flex flex-wrap items-center gap-3 rounded-xl bg-amber-50 p-4 text-sm text-amber-900">
          <p className="flex-1">
            Verify your email to appear in search: open the link we sent to {me.email}.
          </p>
          <ResendVerification />
        </div>
      )}
      {profile.data && <SearchableChecklist profile={profile.data} />}
      {stats.isError ? (
        <ErrorState error={stats.error} retry={() => void stats.refetch()} />
      ) : (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-busy={stats.isPending}>
          <Stat label="Upcoming" value={stats.data?.upcoming ?? '–'} />
          <Stat label="Completed" value={stats.data?.completed ?? '–'} />
          <Stat label="Cancelled" value={stats.data?.cancelled ?? '–'} />
          <Stat label="No-shows" value={stats.data?.noShow ?? '–'} />
          <Stat
            label="Earned this month"
            value={stats.data ? formatMoney(stats.data.earningsThisMonthCents) : '–'}
          />
          <Stat label="Earned in all" value={stats.data ? formatMoney(stats.data.earningsTotalCents) : '–'} />
        </dl>
      )}
      <TeachingLessons zone={zone} />
    </div>
  );
}
