/**
 * Who teaches what in the demo marketplace, worked out before anything is written: every catalog
 * service gets 2+ instructors (the 40 most requested many more), names never repeat inside a
 * service, rates fit the kind of lesson. Pure and deterministic (seeded random).
 */
import { publicName } from '../../modules/instructors/instructor-views.js';
import { FIRST_NAMES, LAST_NAMES, MORE_FIRST_NAMES, MORE_LAST_NAMES } from './demo-people.js';
import { TOP_SERVICES } from './demo-plan.js';
import type { Random } from './random.js';

export interface RosterService {
  slug: string;
  category: string;
}
export interface RosterEntry<S extends RosterService> {
  fullName: string;
  services: S[];
}

/** Instructors per service: the 40 most requested get more, piano and guitar the most. */
function seatsFor(slug: string): number {
  if (slug === 'piano' || slug === 'guitar') return 14;
  return (TOP_SERVICES as readonly string[]).includes(slug) ? 8 : 2;
}

export function buildRoster<S extends RosterService>(catalog: readonly S[]): RosterEntry<S>[] {
  // Seats in a round-robin over each category's services, so neighbouring seats differ in service
  // and an instructor's one to three services come from one category.
  const byCategory = new Map<string, S[]>();
  for (const s of catalog) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  const seats: S[] = [];
  for (const list of byCategory.values()) {
    const left = new Map(list.map((s) => [s, seatsFor(s.slug)]));
    while (left.size) {
      for (const [s, n] of left) {
        seats.push(s);
        if (n <= 1) left.delete(s);
        else left.set(s, n - 1);
      }
    }
  }
  const firsts = [...FIRST_NAMES, ...MORE_FIRST_NAMES];
  const lasts = [...LAST_NAMES, ...MORE_LAST_NAMES];
  const usedIn = new Map<string, Set<string>>();
  const usedFull = new Set<string>();
  const roster: RosterEntry<S>[] = [];
  let k = 0;
  for (let i = 0; i < seats.length;) {
    const size = [2, 1, 2, 2, 1][roster.length % 5]!;
    const mine: S[] = [];
    while (mine.length < size && i < seats.length && !mine.includes(seats[i]!)) mine.push(seats[i++]!);
    if (!mine.length) mine.push(seats[i++]!);
    // The next name whose public form ("Ava R.") is new in each of these services.
    const fullName = nextName(
      () => {
        const candidate = `${firsts[k % firsts.length]} ${lasts[Math.floor(k / firsts.length + k * 7) % lasts.length]}`;
        k++;
        return candidate;
      },
      (candidate) =>
        !usedFull.has(candidate) && !mine.some((s) => usedIn.get(s.slug)?.has(publicName(candidate))),
    );
    usedFull.add(fullName);
    for (const s of mine) usedIn.set(s.slug, (usedIn.get(s.slug) ?? new Set()).add(publicName(fullName)));
    roster.push({ fullName, services: mine });
  }
  return roster;
}

function nextName(next: () => string, free: (name: string) => boolean): string {
  for (;;) {
    const name = next();
    if (free(name)) return name;
  }
}

const RANGES: Record<'budget' | 'standard' | 'premium', [number, number]> = {
  budget: [20, 60],
  standard: [35, 140],
  premium: [60, 250],
};
const BUDGET = new Set(['homework-help', 'chess', 'kids-swimming', 'kids-coding']);
const PREMIUM = new Set([
  'sat-prep',
  'calculus',
  'chemistry',
  'personal-training',
  'python',
  'coding',
  'photography',
]);

/** An hourly rate in cents, on a $5 step, inside the range of its kind of lesson ($20–$250). */
export function demoRate(slug: string, category: string, r: Random): number {
  const kind =
    BUDGET.has(slug) || category === 'kids' ? 'budget' : PREMIUM.has(slug) ? 'premium' : 'standard';
  const [lo, hi] = RANGES[kind];
  // Squared so most teachers sit in the lower half and a few charge premium prices.
  const dollars = lo + (hi - lo) * r.next() ** 1.6;
  return Math.round(dollars / 5) * 500;
}
