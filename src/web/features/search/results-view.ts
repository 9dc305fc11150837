import type { SearchResponse } from '../../api/contracts';
import { pageCount } from '../../components/pager';

/**
 * Which state the results area shows: the cards, nothing matching at all, or a page past the
 * last one (an old link, or results that shrank) with the way back to the last page.
 */
export type ResultsView = { kind: 'results' } | { kind: 'none' } | { kind: 'past-end'; lastPage: number };

export function resultsView(
  data: Pick<SearchResponse, 'results' | 'total' | 'perPage' | 'page'>,
): ResultsView {
  if (data.results.length) return { kind: 'results' };
  if (data.total > 0 && data.page > 1) return { kind: 'past-end', lastPage: pageCount(data) };
  return { kind: 'none' };
}
