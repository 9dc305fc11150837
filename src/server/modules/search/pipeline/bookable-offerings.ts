import type { Offering, SearchWindow } from '../offering-index.js';
import type { ParsedQuery } from '../query/parse-query.js';

export interface BookableOffering {
  offering: Offering;
  /** The first bookable start (inside the window, if there is one); null when none is known. */
  next: Date | null;
}

/** The first bookable start of an instructor for a lesson length, optionally inside a window. */
export type FirstStart = (instructorId: string, duration: number, window?: SearchWindow) => Date | null;

/**
 * Step 4: each offering with its first bookable start for the asked lesson length (its shortest
 * by default). An offering with no start (inside the asked date or time, if any) is dropped.
 */
export function bookableOfferings(
  offerings: Offering[],
  p: ParsedQuery,
  window: SearchWindow | null,
  firstStart: FirstStart,
): BookableOffering[] {
  const out: BookableOffering[] = [];
  for (const offering of offerings) {
    const next = firstStart(
      offering.instructorId,
      p.durationMinutes ?? offering.minDuration,
      window ?? undefined,
    );
    // No open time at all (or none inside the asked window): not a result, so the count is of
    // offerings a student can really book.
    if (!next) continue;
    out.push({ offering, next });
  }
  return out;
}
