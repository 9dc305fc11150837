import { describe, expect, it } from 'vitest';
import { resultsView } from './results-view';

const card = {} as never;

describe('the results area', () => {
  it('shows the cards of a page that has some', () => {
    expect(resultsView({ results: [card], total: 54, perPage: 10, page: 6 })).toEqual({ kind: 'results' });
  });

  it('shows a page past the end as such, pointing back to the last page, not as "no instructors"', () => {
    expect(resultsView({ results: [], total: 54, perPage: 10, page: 9 })).toEqual({
      kind: 'past-end',
      lastPage: 6,
    });
  });

  it('shows nothing-matches only when the search found nothing', () => {
    expect(resultsView({ results: [], total: 0, perPage: 10, page: 1 })).toEqual({ kind: 'none' });
    expect(resultsView({ results: [], total: 0, perPage: 10, page: 3 })).toEqual({ kind: 'none' });
  });
});
