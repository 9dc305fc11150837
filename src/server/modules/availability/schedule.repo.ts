import { and, between, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  availabilityRanges,
  blackoutDates,
  bookings,
  instructorProfiles,
  users,
} from '../../db/schema/index.js';
import { formatHHMM } from './local-time.js';

export interface InstructorSchedule {
  instructorId: string;
  accountStatus: string;
  timezone: string;
  bufferMinutes: number;
  minAdvanceHours: number;
  maxDaysAhead: number;
  availability: Record<string, { start: string; end: string }[]>;
  blackoutDates: Set<string>;
  /** Confirmed lessons overlapping the period (with a day of margin for zones and buffers). */
  bookings: { startsAt: Date; endsAt: Date }[];
}

/** Everything the slot engine needs for one instructor over [fromDate, toDate] (local dates). */
export async function loadInstructorSchedule(
  db: Db,
  instructorId: string,
  fromDate: string,
  toDate: string,
  opts: { excludeBookingId?: string } = {},
): Promise<InstructorSchedule | null> {
  // All four at once (a pool runs them side by side); a missing profile is known only after.
  const [[profile], ranges, blackouts, booked] = await Promise.all([
    db
      .select({
        timezone: instructorProfiles.timezone,
        bufferMinutes: instructorProfiles.bufferMinutes,
        minAdvanceHours: instructorProfiles.minAdvanceHours,
        maxDaysAhead: instructorProfiles.maxDaysAhead,
        accountStatus: users.accountStatus,
      })
      .from(instructorProfiles)
      .innerJoin(users, eq(users.id, instructorProfiles.userId))
      .where(eq(instructorProfiles.userId, instructorId)),
    db
      .select({
        date: availabilityRanges.date,
        s: availabilityRanges.startMinute,
        e: availabilityRanges.endMinute,
      })
      .from(availabilityRanges)
      .where(
        and(
          eq(availabilityRanges.instructorId, instructorId),
          between(availabilityRanges.date, fromDate, toDate),
        ),
      )
      .orderBy(availabilityRanges.date, availabilityRanges.startMinute),
    db
      .select({ date: blackoutDates.date })
      .from(blackoutDates)
      .where(
        and(eq(blackoutDates.instructorId, instructorId), between(blackoutDates.date, fromDate, toDate)),
      ),
    db
      .select({ startsAt: bookings.startsAt, endsAt: bookings.endsAt })
      .from(bookings)
      .where(
        and(
          eq(bookings.instructorId, instructorId),
          eq(bookings.status, 'confirmed'),
          lt(bookings.startsAt, sql`(${toDate}::date + 2)::timestamptz`),
          gt(bookings.endsAt, sql`(${fromDate}::date - 2)::timestamptz`),
          opts.excludeBookingId ? ne(bookings.id, opts.excludeBookingId) : undefined,
        ),
      ),
  ]);
  if (!profile) return null;
  const availability: InstructorSchedule['availability'] = {};
  for (const r of ranges)
    (availability[r.date] ??= []).push({ start: formatHHMM(r.s), end: formatHHMM(r.e) });
  return {
    instructorId,
    ...profile,
    availability,
    blackoutDates: new Set(blackouts.map((b) => b.date)),
    bookings: booked,
  };
}
