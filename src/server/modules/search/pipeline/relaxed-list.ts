import type { RatingsSnapshot } from '../../reviews/ratings.js';
import type { IndexState, RankedSearch } from '../offering-index.js';
import type { SortKey } from '../ranking.js';
import type { FirstStart } from './bookable-offerings.js';
import type { InterpretedQuery } from './interpret-query.js';
import { rankedList } from './ranked-list.js';
import type { RelaxContext, Relaxation } from './relax-query.js';
import { RELAXERS, dropUnknownSubject, hasConstraint, placeLabel, unknownSubject } from './relax-query.js';
import { searchWindow } from './search-window.js';

export interface RelaxSearch extends RelaxContext {
  state: IndexState;
  sort: SortKey;
  timezone: string;
  now: Date;
  ratings: RatingsSnapshot;
  firstStart: FirstStart;
}

/**
 * Run only when the search as asked found nothing: let go of one constraint at a time, in the
 * fixed order (place, format, time, date, price, service), keeping what was already let go of,
 * until results appear. Unrecognised words are no subject to keep, so they go first; a text of
 * nothing but unrecognised words is not relaxed into the whole marketplace.
 */
export function relaxedList(q: InterpretedQuery, ctx: RelaxSearch): RankedSearch | null {
  const steps: Relaxation['step'][] = [];
  let current = q;
  const attempt = (r: Relaxation): RankedSearch | null => {
    const window = searchWindow(r.query.parsed, ctx.timezone, ctx.now);
    const list = rankedList(ctx.state, ctx.snapshot, r.query, ctx.sort, window, ctx.ratings, ctx.firstStart);
    if (!list.results.length) return null;
    const relaxed = [...steps, r.step].map((s) =>
      s.kind === 'place'
        ? {
            ...s,
            to: placeLabel(
              list.results.map((x) => x.offering),
              ctx.areas,
            ),
          }
        : s,
    );
    return { ...list, relaxed, effective: { query: r.query, window } };
  };

  if (unknownSubject(q.match)) {
    if (!hasConstraint(q.parsed)) return null;
    const r = dropUnknownSubject(q);
    const found = attempt(r);
    if (found) return found;
    steps.push(r.step);
    current = r.query;
  }
  for (const [, relaxer] of RELAXERS) {
    const ways = relaxer(current, ctx);
    for (const r of ways) {
      const found = attempt(r);
      if (found) return found;
    }
    // Cumulative: the first way of a step (the plain removal) stays relaxed for the next step.
    if (ways[0]) {
      steps.push(ways[0].step);
      current = ways[0].query;
    }
  }
  return null;
}
