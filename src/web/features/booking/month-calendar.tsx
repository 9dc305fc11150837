import { ChevronLeft, ChevronRight } from 'lucide-react';
import { addMonths, monthGrid, monthLabel } from '../../lib/time';

/** A month of dates; only dates with a free time can be chosen. */
export function MonthCalendar({
  month,
  onMonthChange,
  available,
  selected,
  onSelect,
  minMonth,
}: {
  month: string;
  onMonthChange: (month: string) => void;
  available: Set<string>;
  selected: string | null;
  onSelect: (date: string) => void;
  minMonth: string;
}) {
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between">
        <button
          type="button"
          onClick={() => onMonthChange(addMonths(month, -1))}
          disabled={month <= minMonth}
          className="rounded-md p-2 hover:bg-slate-100 disabled:opacity-30"
          aria-label="Previous month"
        >
          <ChevronLeft className="size-4" aria-hidden />
        </button>
        <h3 className="font-semibold" aria-live="polite">
          {monthLabel(month)}
        </h3>
        <button
          type="button"
          onClick={() => onMonthChange(addMonths(month, 1))}
          className="rounded-md p-2 hover:bg-slate-100"
          aria-label="Next month"
        >
          <ChevronRight className="size-4" aria-hidden />
        </button>
      </div>
      <div className="grid grid-cols-7 gap-1 text-center text-xs text-slate-500" aria-hidden>
        {['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => (
          <span key={d}>{d}</span>
        ))}
      </div>
      <div className="grid grid-cols-7 gap-1">
        {monthGrid(month).map(({ date, inMonth }) => {
          const open = inMonth && available.has(date);
          const isSelected = date === selected;
          return (
            <button
              key={date}
              type="button"
              disabled={!open}
              onClick={() => onSelect(date)}
              aria-pressed={isSelected}
              aria-label={`${date}${open ? '' : ', no free times'}`}
              className={`aspect-square rounded-lg text-sm ${!inMonth ? 'invisible' : ''} ${isSelected ? 'bg-indigo-600 font-semibold text-white' : open ? 'bg-indigo-50 font-medium text-indigo-800 hover:bg-indigo-100' : 'text-slate-300'}`}
            >
              {Number(date.slice(8))}
            </button>
          );
        })}
      </div>
    </div>
  );
}
