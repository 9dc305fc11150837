import { useState } from 'react';
import { ErrorState, Spinner } from '../../components/states';
import { addDays, formatTime, instantOf, localDateOf, longDay, todayIn, zoneLabel } from '../../lib/time';
import { slotsOf, usePublicAvailability, type Slot } from '../instructors/availability-queries';
import { MonthCalendar } from './month-calendar';

/**
 * A month calendar of the instructor's free dates and the free start times of the chosen date,
 * in the viewer's zone. The choice is reported as the instructor-local date and time the API takes.
 */
export function TimePicker({
  instructorId,
  instructorZone,
  offeringId,
  duration,
  zone,
  chosen,
  onChoose,
}: {
  instructorId: string;
  instructorZone: string;
  offeringId: string;
  duration: number;
  zone: string;
  chosen: { date: string; time: string } | null;
  onChoose: (slot: Slot) => void;
}) {
  const today = todayIn(zone);
  const chosenAt = chosen ? instantOf(chosen.date, chosen.time, instructorZone) : null;
  const [month, setMonth] = useState((chosenAt ? localDateOf(chosenAt, zone) : today).slice(0, 7));
  const [day, setDay] = useState<string | null>(chosenAt ? localDateOf(chosenAt, zone) : null);
  const start = `${month}-01` < today ? today : `${month}-01`;
  const availability = usePublicAvailability(instructorId, {
    start,
    end: addDays(`${month}-01`, 32),
    duration,
    offeringId,
  });
  const byDay = new Map<string, Slot[]>();
  for (const s of availability.data ? slotsOf(availability.data) : []) {
    const d = localDateOf(s.startsAt, zone);
    byDay.set(d, [...(byDay.get(d) ?? []), s]);
  }

  // Until a date is picked, the first free one is shown, so times are one tap away.
  const shown = day ?? [...byDay.keys()].filter((d) => d.startsWith(month)).sort()[0] ?? null;

  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <MonthCalendar
        month={month}
        minMonth={today.slice(0, 7)}
        onMonthChange={(m) => {
          setMonth(m);
          setDay(null);
        }}
        available={new Set(byDay.keys())}
        selected={shown}
        onSelect={setDay}
      />
      <div className="space-y-3">
        <h3 className="font-semibold">{shown ? longDay(shown) : 'Pick a date'}</h3>
        <p className="text-xs text-slate-500">Times in {zoneLabel(zone)}</p>
        {availability.isPending ? (
          <Spinner label="Finding free times…" />
        ) : availability.isError ? (
          <ErrorState error={availability.error} retry={() => void availability.refetch()} />
        ) : byDay.size === 0 ? (
          <p className="text-sm text-slate-600">No free times this month. Try the next one.</p>
        ) : shown ? (
          <ul className="grid grid-cols-3 gap-2" aria-label={`Free times on ${longDay(shown)}`}>
            {(byDay.get(shown) ?? []).map((s) => {
              const isChosen = chosen?.date === s.date && chosen.time === s.time;
              return (
                <li key={s.startsAt}>
                  <button
                    type="button"
                    aria-pressed={isChosen}
                    onClick={() => onChoose(s)}
                    className={`w-full rounded-md border py-1.5 text-sm ${isChosen ? 'border-indigo-600 bg-indigo-600 text-white' : 'border-indigo-200 bg-indigo-50 text-indigo-800 hover:bg-indigo-100'}`}
                  >
                    {formatTime(s.startsAt, zone)}
                  </button>
                </li>
              );
            })}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
