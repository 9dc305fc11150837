import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '../../components/button';
import { addDays, longDay, mondayOf, todayIn, zoneLabel } from '../../lib/time';

/** Previous/next week (never before this week) and the zone the grid is drawn in. */
export function WeekNavigation({
  weekStart,
  timezone,
  onGo,
}: {
  weekStart: string;
  timezone: string;
  onGo: (start: string) => void;
}) {
  const thisWeek = mondayOf(todayIn(timezone));
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex items-center gap-2">
        <Button
          variant="secondary"
          aria-label="Previous week"
          disabled={weekStart <= thisWeek}
          onClick={() => onGo(addDays(weekStart, -7))}
        >
          <ChevronLeft className="size-4" aria-hidden />
        </Button>
        <h2 className="min-w-56 text-center font-semibold" aria-live="polite">
          Week of {longDay(weekStart)}
        </h2>
        <Button variant="secondary" aria-label="Next week" onClick={() => onGo(addDays(weekStart, 7))}>
          <ChevronRight className="size-4" aria-hidden />
        </Button>
      </div>
      <p className="text-xs text-slate-500">Times in {zoneLabel(timezone)}</p>
    </div>
  );
}
