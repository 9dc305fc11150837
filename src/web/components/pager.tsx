import { Button } from './button';

/** Page count for a paged API answer ({ total, perPage }); at least one page. */
export const pageCount = (list: { total: number; perPage: number } | undefined) =>
  list ? Math.max(1, Math.ceil(list.total / list.perPage)) : 1;

/** Previous / next with "Page n of m"; renders nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </Button>
      <span className="text-sm text-slate-600">
        Page {page} of {pages}
      </span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next
      </Button>
    </nav>
  );
}
