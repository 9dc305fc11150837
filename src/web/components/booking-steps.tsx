import { Check } from 'lucide-react';

const STEPS = ['Choose a time', 'Review and confirm', 'Booked'] as const;

/**
 * Where the student is in booking (Airbnb and Cal.com show the same): three steps, the current one
 * marked for screen readers with aria-current, the done ones ticked.
 */
export function BookingSteps({ current }: { current: 1 | 2 | 3 }) {
  return (
    <nav aria-label="Booking steps">
      <ol className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs font-medium text-slate-500">
        {STEPS.map((label, i) => {
          const n = i + 1;
          const done = n < current;
          return (
            <li
              key={label}
              aria-current={n === current ? 'step' : undefined}
              className={`flex items-center gap-1.5 ${n === current ? 'text-indigo-700' : done ? 'text-slate-700' : ''}`}
            >
              <span
                aria-hidden
                className={`flex size-5 items-center justify-center rounded-full border ${n === current ? 'border-indigo-600 bg-indigo-600 text-white' : done ? 'border-slate-400' : 'border-slate-300'}`}
              >
                {done ? <Check className="size-3" /> : n}
              </span>
              <span>
                <span className="sr-only">{done ? 'Done: ' : `Step ${n} of ${STEPS.length}: `}</span>
                {label}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
