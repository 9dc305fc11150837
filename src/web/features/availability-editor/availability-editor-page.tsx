import { useState } from 'react';
import { Link } from 'react-router';
import { DEFAULT_TIME_ZONE } from '../../api/contracts';
import { ErrorState, Loading } from '../../components/states';
import { mondayOf, todayIn } from '../../lib/time';
import { can } from '../auth/can';
import { isInstructor, useMe } from '../auth/use-me';
import { useSaveWeek, useWeek } from './availability-queries';
import { BlackoutsPanel } from './blackouts-panel';
import { WeekEditor } from './week-editor';

export default function AvailabilityEditorPage() {
  const { data: me } = useMe();
  const [weekStart, setWeekStart] = useState(() => mondayOf(todayIn(me?.timezone ?? DEFAULT_TIME_ZONE)));
  const week = useWeek(weekStart);
  // Held here: a save refetches the week and remounts the editor, and the outcome must outlive that.
  const save = useSaveWeek();
  if (me && isInstructor(me) && !can(me, 'manage_availability')) {
    return <p>Changing your availability is turned off for your account; contact support to change it.</p>;
  }
  if (me && !isInstructor(me)) {
    return (
      <p>
        Only instructors have availability.{' '}
        <Link to="/teach/start" className="text-indigo-700 underline">
          Become an instructor
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link to="/teach" className="text-indigo-700 hover:underline">
            ← Dashboard
          </Link>
        </p>
        <h1 className="text-2xl font-bold">Your availability</h1>
        <p className="text-sm text-slate-600">
          Open the half hours you can teach. Students book any length that fits inside them.
        </p>
      </div>
      {week.isPending ? (
        // As tall as the week grid (~1,200 px), so the panel below does not jump when it arrives.
        <Loading rows={16} />
      ) : week.isError ? (
        <ErrorState error={week.error} retry={() => void week.refetch()} />
      ) : (
        <WeekEditor
          key={`${week.data.weekStart}:${week.dataUpdatedAt}`}
          week={week.data}
          save={save}
          onWeekChange={(start) => {
            save.reset();
            setWeekStart(start);
          }}
        />
      )}
      <BlackoutsPanel />
    </div>
  );
}
