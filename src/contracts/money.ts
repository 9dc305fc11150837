// The money rules (ARCHITECTURE §6): integer cents, half-up rounding, the lesson price and the
// cancellation fee by hours of notice. Shared by the server and the web app (plain functions, no
// imports), so the price a student sees is the price they are charged.

export const roundHalfUp = (x: number) => Math.floor(x + 0.5);

export const lessonPriceCents = (hourlyRateCents: number, minutes: number) =>
  roundHalfUp((hourlyRateCents * minutes) / 60);

export interface CancellationPolicy {
  /** Student cancels at least this many hours ahead: free. */
  freeHours: number;
  /** Between partialHours and freeHours ahead: partialPercent; under partialHours: 100 %. */
  partialHours: number;
  partialPercent: number;
  latePercent: number;
}

export const DEFAULT_POLICY: CancellationPolicy = {
  freeHours: 24,
  partialHours: 12,
  partialPercent: 50,
  latePercent: 100,
};

/** A confirmed lesson can be moved (by its student or an admin) until this many hours before it starts. */
export const RESCHEDULE_MIN_HOURS = 12;

/** The terms every booking is made under, as shown to a student before they confirm. */
export const bookingTerms = () => ({
  cancellation: { ...DEFAULT_POLICY },
  rescheduleMinHours: RESCHEDULE_MIN_HOURS,
});

export type Canceller = 'student' | 'instructor' | 'admin';

/** Percent of the price the student owes; the instructor or an admin cancelling costs the student nothing. */
export function cancellationPercent(
  policy: CancellationPolicy,
  by: Canceller,
  hoursBeforeStart: number,
): number {
  if (by !== 'student') return 0;
  if (hoursBeforeStart > policy.freeHours) return 0;
  if (hoursBeforeStart >= policy.partialHours) return policy.partialPercent;
  return policy.latePercent;
}

export const cancellationFeeCents = (priceCents: number, percent: number) =>
  roundHalfUp((priceCents * percent) / 100);

/** What `by` cancelling `msBeforeStart` ahead costs the student: cancelling and its quote share this. */
export function cancellationTerms(priceCents: number, by: Canceller, msBeforeStart: number) {
  const percent = cancellationPercent(DEFAULT_POLICY, by, msBeforeStart / 3_600_000);
  return { percent, feeCents: cancellationFeeCents(priceCents, percent) };
}

/**
 * The fee cancelling now would cost, shown before the student confirms; null when the lesson can no
 * longer be cancelled ahead of its start (not confirmed, or already started).
 */
export function cancellationQuote(
  lesson: { status: string; startsAt: Date; priceCents: number },
  by: Canceller,
  now: Date,
) {
  const msBeforeStart = lesson.startsAt.getTime() - now.getTime();
  if (lesson.status !== 'confirmed' || msBeforeStart <= 0) return null;
  return {
    ...cancellationTerms(lesson.priceCents, by, msBeforeStart),
    // Whole milliseconds to tenths of an hour, so no float error rounds 18.0 down to 17.9.
    hoursBeforeStart: Math.floor(msBeforeStart / 360_000) / 10,
    policy: { ...DEFAULT_POLICY },
  };
}
