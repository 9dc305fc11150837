/**
 * Time a person is already in a confirmed lesson (as student or teacher), as instants in ms.
 * Search and the public availability hide starts that would overlap the viewer's own lessons, after
 * any shared cache, so a signed-in student is never offered a time the booking would refuse (409).
 */
export interface BusyTime {
  start: number;
  end: number;
}

/** Whether a lesson of `minutes` starting at `startMs` overlaps any busy time. */
export function overlapsBusy(startMs: number, minutes: number, busy: readonly BusyTime[]): boolean {
  const end = startMs + minutes * 60_000;
  return busy.some((b) => startMs < b.end && end > b.start);
}

/** Who is looking: their busy times, or none for a guest. Wired in services.ts from bookings. */
export type ViewerBusy = (userId: string, after: Date) => Promise<BusyTime[]>;
