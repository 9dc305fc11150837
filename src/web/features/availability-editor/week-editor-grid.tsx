import { useEffect, useRef, useState } from 'react';
import { shortDay } from '../../lib/time';
import type { WeekBooking, WeekDay } from '../../api/contracts';
import { cellState } from './week-cells';

const label12 = (cell: number) => {
  const h = Math.floor(cell / 2);
  const m = cell % 2 ? '30' : '00';
  return `${h % 12 === 0 ? 12 : h % 12}:${m} ${h < 12 ? 'AM' : 'PM'}`;
};

/** The booking covering a 30-minute cell, if any. */
function bookingAt(day: WeekDay, cell: number): WeekBooking | undefined {
  const from = cell * 30;
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return day.bookings.find((b) => toMin(b.start) < from + 30 && toMin(b.end) > from);
}

/** Whether the 30-minute cell is where the lesson starts (or the first shown of it). */
const isFirstCellOf = (b: WeekBooking, cell: number) => {
  const start = Number(b.start.slice(0, 2)) * 60 + Number(b.start.slice(3, 5));
  return Math.floor(start / 30) === cell;
};

/**
 * Days as columns, half hours as rows. Click or drag across cells to open or close them; booked
 * cells are read-only and show the lesson instead; past and blacked-out days are locked.
 */
export function WeekEditorGrid({
  days,
  draft,
  firstCell,
  lastCell,
  pastCells,
  onPaint,
  onPreview,
}: {
  days: WeekDay[];
  draft: Map<string, boolean[]>;
  firstCell: number;
  lastCell: number;
  /** Half hours of the day that have begun (Past, locked). */
  pastCells: (date: string) => number;
  onPaint: (date: string, cell: number, free: boolean) => void;
  onPreview: (booking: WeekBooking & { date: string }) => void;
}) {
  const painting = useRef<boolean | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  // One cell is in the tab order; arrow keys move within the grid (the ARIA grid pattern).
  const [active, setActive] = useState({
    row: 0,
    col: Math.max(
      0,
      days.findIndex((d) => !d.isPast),
    ),
  });
  useEffect(() => {
    const stop = () => (painting.current = null);
    window.addEventListener('pointerup', stop);
    return () => window.removeEventListener('pointerup', stop);
  }, []);
  const cells = Array.from({ length: lastCell - firstCell }, (_, i) => firstCell + i);
  const move = (e: React.KeyboardEvent) => {
    const step: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    let { row, col } = active;
    if (step[e.key]) [row, col] = [row + step[e.key]![0], col + step[e.key]![1]];
    else if (e.key === 'Home') col = 0;
    else if (e.key === 'End') col = days.length - 1;
    else return;
    e.preventDefault();
    row = Math.min(Math.max(row, 0), cells.length - 1);
    col = Math.min(Math.max(col, 0), days.length - 1);
    setActive({ row, col });
    grid.current?.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${col}"]`)?.focus();
  };

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200">
      <div
        ref={grid}
        role="grid"
        onKeyDown={move}
        aria-label="Weekly availability: each cell is 30 minutes; arrow keys move, Enter or Space opens or closes"
        className="grid min-w-[640px] select-none"
        style={{ gridTemplateColumns: '72px repeat(7, minmax(0, 1fr))' }}
      >
        <div role="row" className="contents">
          <div
            role="columnheader"
            className="sticky top-0 border-b border-slate-200 bg-slate-50 p-2 text-xs"
          />
          {days.map((d) => (
            <div
              role="columnheader"
              key={d.date}
              data-date={d.date}
              className="border-b border-l border-slate-200 bg-slate-50 p-2 text-center text-xs font-semibold"
            >
              {shortDay(d.date)}
              {d.isBlackout && <span className="block font-normal text-rose-700">Blocked</span>}
              {d.isPast && <span className="block font-normal text-slate-500">Past</span>}
            </div>
          ))}
        </div>
        {cells.map((cell, row) => (
          <div role="row" key={cell} className="contents">
            <div
              role="rowheader"
              className="border-t border-slate-100 px-2 text-right text-[11px] leading-7 text-slate-500"
            >
              {cell % 2 === 0 ? label12(cell) : ''}
            </div>
            {days.map((d, col) => {
              const booking = bookingAt(d, cell);
              const focusable = {
                'data-row': row,
                'data-col': col,
                tabIndex: active.row === row && active.col === col ? 0 : -1,
                onFocus: () => setActive({ row, col }),
              };
              const past = d.isPast || cell < pastCells(d.date);
              const locked = past || d.isBlackout;
              const state = cellState(draft.get(d.date) ?? [], cell);
              const name = `${shortDay(d.date)} ${label12(cell)}`;
              if (booking) {
                return (
                  <button
                    role="gridcell"
                    type="button"
                    key={d.date}
                    {...focusable}
                    onClick={() => onPreview({ ...booking, date: d.date })}
                    className="h-7 overflow-hidden border-l border-t border-amber-300 bg-amber-100 px-1 text-left text-[11px] leading-none text-ellipsis whitespace-nowrap text-amber-950"
                    aria-label={`${name}: booked, ${booking.service} ${booking.start}–${booking.end}`}
                  >
                    {/* Said in words, not by colour alone: the lesson's first cell names it. */}
                    {isFirstCellOf(booking, cell) ? `Booked · ${booking.service}` : 'Booked'}
                  </button>
                );
              }
              const free = state !== 'none';
              return (
                <button
                  role="gridcell"
                  type="button"
                  key={d.date}
                  {...focusable}
                  // Not `disabled`: locked cells stay reachable by arrow keys and say why they are locked.
                  aria-disabled={locked || undefined}
                  aria-selected={state === 'full'}
                  aria-label={`${name}: ${state === 'full' ? 'available' : state === 'part' ? 'partly available' : 'not available'}${past ? ', past' : d.isBlackout ? ', day off' : ''}`}
                  onPointerDown={(e) => {
                    if (locked) return;
                    e.preventDefault();
                    painting.current = state !== 'full';
                    onPaint(d.date, cell, painting.current);
                  }}
                  onPointerEnter={() => {
                    if (!locked && painting.current !== null) onPaint(d.date, cell, painting.current);
                  }}
                  onKeyDown={(e) => {
                    if (!locked && (e.key === 'Enter' || e.key === ' ')) {
                      e.preventDefault();
                      onPaint(d.date, cell, state !== 'full');
                    }
                  }}
                  className={`h-7 border-l border-t border-slate-100 ${
                    locked
                      ? free
                        ? 'cursor-not-allowed bg-slate-200'
                        : 'cursor-not-allowed bg-slate-50'
                      : state === 'full'
                        ? 'bg-emerald-400 hover:bg-emerald-500'
                        : state === 'part'
                          ? 'bg-gradient-to-b from-emerald-300 to-white hover:bg-emerald-100'
                          : 'bg-white hover:bg-emerald-50'
                  } ${past && !d.isPast ? 'text-[10px] text-slate-700' : ''}`}
                >
                  {/* Today's hours gone by say so; a past day says it once, in its header. */}
                  {past && !d.isPast && 'Past'}
                </button>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
