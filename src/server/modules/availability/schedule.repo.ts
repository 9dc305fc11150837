import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
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

interface ScheduleRow {
  id: string;
  timezone: string;
  bufferMinutes: number;
  minAdvanceHours: number;
  maxDaysAhead: number;
  accountStatus: string;
  /** [date, start minute, end minute], ordered. */
  ranges: [string, number, number][];
  blackouts: string[];
  /** [start, end] in epoch milliseconds. */
  booked: [number, number][];
}

/**
 * Everything the slot engine needs for one instructor over [fromDate, toDate] (local dates), in one
 * round trip: every booking and every availability view reads it, so a query saved here is saved
 * on each of them.
 */
export async function loadInstructorSchedule(
  db: Db,
  instructorId: string,
  fromDate: string,
  toDate: string,
  opts: { excludeBookingId?: string } = {},
): Promise<InstructorSchedule | null> {
  const schedules = await loadSchedules(db, fromDate, toDate, { ...opts, instructorIds: [instructorId] });
  return schedules.get(instructorId) ?? null;
}

/**
 * The schedules of these instructors (every instructor with a profile without `instructorIds`),
 * in one statement: the search index loads them all at once, and reloads the changed ones together.
 */
export async function loadSchedules(
  db: Db,
  fromDate: string,
  toDate: string,
  opts: { instructorIds?: string[]; excludeBookingId?: string } = {},
): Promise<Map<string, InstructorSchedule>> {
  const ids = opts.instructorIds;
  const rows = await rowsOf<ScheduleRow>(
    db,
    sql`
      SELECT ${instructorProfiles.userId} AS id,
             ${instructorProfiles.timezone} AS timezone,
             ${instructorProfiles.bufferMinutes} AS "bufferMinutes",
             ${instructorProfiles.minAdvanceHours} AS "minAdvanceHours",
             ${instructorProfiles.maxDaysAhead} AS "maxDaysAhead",
             ${users.accountStatus} AS "accountStatus",
             coalesce((
               SELECT json_agg(json_build_array(${availabilityRanges.date}, ${availabilityRanges.startMinute},
                                                ${availabilityRanges.endMinute})
                               ORDER BY ${availabilityRanges.date}, ${availabilityRanges.startMinute})
               FROM ${availabilityRanges}
               WHERE ${availabilityRanges.instructorId} = ${instructorProfiles.userId}
                 AND ${availabilityRanges.date} BETWEEN ${fromDate} AND ${toDate}
             ), '[]') AS ranges,
             coalesce((
               SELECT json_agg(${blackoutDates.date})
               FROM ${blackoutDates}
               WHERE ${blackoutDates.instructorId} = ${instructorProfiles.userId}
                 AND ${blackoutDates.date} BETWEEN ${fromDate} AND ${toDate}
             ), '[]') AS blackouts,
             coalesce((
               SELECT json_agg(json_build_array(extract(epoch FROM ${bookings.startsAt}) * 1000,
                                                extract(epoch FROM ${bookings.endsAt}) * 1000))
               FROM ${bookings}
               WHERE ${bookings.instructorId} = ${instructorProfiles.userId}
                 AND ${bookings.status} = 'confirmed'
                 AND ${bookings.startsAt} < (${toDate}::date + 2)::timestamptz
                 AND ${bookings.endsAt} > (${fromDate}::date - 2)::timestamptz
                 ${opts.excludeBookingId ? sql`AND ${bookings.id} <> ${opts.excludeBookingId}` : sql``}
             ), '[]') AS booked
      FROM ${instructorProfiles}
      JOIN ${users} ON ${users.id} = ${instructorProfiles.userId}
      ${ids ? sql`WHERE ${instructorProfiles.userId} = ANY(${`{${ids.join(',')}}`}::uuid[])` : sql``}`,
  );
  return new Map(rows.map((row) => [row.id, toSchedule(row)]));
}

function toSchedule({ id, ranges, blackouts, booked, ...profile }: ScheduleRow): InstructorSchedule {
  const availability: InstructorSchedule['availability'] = {};
  for (const [date, start, end] of ranges)
    (availability[date] ??= []).push({ start: formatHHMM(start), end: formatHHMM(end) });
  return {
    instructorId: id,
    ...profile,
    availability,
    blackoutDates: new Set(blackouts),
    bookings: booked.map(([from, to]) => ({ startsAt: new Date(from), endsAt: new Date(to) })),
  };
}
