import type { ReactNode } from 'react';
import { EmptyState } from './states';

export type Column<T> = {
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** Long unbroken text (table names, ids) may break anywhere instead of widening the page. */
  breakAll?: boolean;
  /** Stacked rows only: the column needs no label (a date or a name reads on its own). */
  unlabelled?: boolean;
};

/**
 * The admin pages' one table. `layout="scroll"`: a phone scrolls it sideways inside its frame (figures
 * that only make sense side by side). `layout="stack"`: on a phone each row becomes a card whose
 * cells carry their header as a label (rows of prose such as the audit log).
 */
export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  layout = 'scroll',
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T, index: number) => string | number;
  empty: string;
  layout?: 'scroll' | 'stack';
}) {
  if (!rows.length) return <EmptyState title={empty} />;
  const stack = layout === 'stack';
  const table = (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead
        className={`border-b border-slate-200 text-xs text-slate-600 ${stack ? 'hidden sm:table-header-group' : ''}`}
      >
        <tr>
          {columns.map((c) => (
            <th
              key={c.header}
              scope="col"
              className={`py-2 pr-3 font-medium last:pr-0 ${c.numeric ? 'text-right' : ''}`}
            >
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className={stack ? 'block py-3 sm:table-row sm:py-0' : undefined}>
            {columns.map((c) => (
              <td
                key={c.header}
                className={[
                  'py-2 pr-3 last:pr-0',
                  c.numeric ? 'text-right tabular-nums' : c.breakAll ? 'break-all' : 'break-words',
                  stack ? 'block py-0.5 text-left sm:table-cell sm:py-2' : '',
                  stack && c.numeric ? 'sm:text-right' : '',
                ].join(' ')}
              >
                {stack && !c.unlabelled && <span className="text-slate-500 sm:hidden">{c.header}: </span>}
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (stack) return table;
  // A frame that may scroll sideways must be reachable by keyboard (axe: scrollable-region-focusable).
  return (
    <div
      className="overflow-x-auto rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-700"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      {table}
    </div>
  );
}
