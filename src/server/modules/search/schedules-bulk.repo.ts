import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { formatHHMM } from '../availability/local-time.js';
import type { InstructorSchedule } from '../availability/schedule.repo.js';

/**
 * The slot-engine inputs of many instructors in four queries (instead of four per instructor),
 * for building the search index.
 */
export async function loadSchedulesBulk(
  db: Db,
  fromDate: string,
  toDate: string,
  instructorIds?: string[],
): Promise<Map<string, InstructorSchedule>> {
  const only = instructorIds ? sql`AND p.user_id = ANY(${`{${instructorIds.join(',')}}`}::uuid[])` : sql``;
  const [profiles, ranges, blackouts, booked] = await Promise.all([
    rowsOf<{
      id: string;
      accountStatus: string;
      timezone: string;
      bufferMinutes: number;
      minAdvanceHours: number;
      maxDaysAhead: number;
    }>(
      db,
      sql`SELECT p.user_id AS id, u.account_status AS "accountStatus", p.timezone, p.buffer_minutes AS "bufferMinutes",
                 p.min_advance_hours AS "minAdvanceHours", p.max_days_ahead AS "maxDaysAhead"
          FROM instructor_profiles p JOIN users u ON u.id = p.user_id WHERE true ${only}`,
    ),
    rowsOf<{ id: string; date: string; s: number; e: number }>(
      db,
      sql`SELECT p.instructor_id AS id, to_char(p.date, 'YYYY-MM-DD') AS date, p.start_minute AS s, p.end_minute AS e
          FROM availability_ranges p WHERE p.date BETWEEN ${fromDate} AND ${toDate}
          ${instructorIds ? sql`AND p.instructor_id = ANY(${`{${instructorIds.join(',')}}`}::uuid[])` : sql``}
          ORDER BY p.instructor_id, p.date, p.start_minute`,
    ),
    rowsOf<{ id: string; date: string }>(
      db,
      sql`SELECT p.instructor_id AS id, to_char(p.date, 'YYYY-MM-DD') AS date FROM blackout_dates p
          WHERE p.date BETWEEN ${fromDate} AND ${toDate}
          ${instructorIds ? sql`AND p.instructor_id = ANY(${`{${instructorIds.join(',')}}`}::uuid[])` : sql``}`,
    ),
    rowsOf<{ id: string; startsAt: Date; endsAt: Date }>(
      db,
      sql`SELECT p.instructor_id AS id, p.starts_at AS "startsAt", p.ends_at AS "endsAt" FROM bookings p
          WHERE p.status = 'confirmed' AND p.ends_at > (${fromDate}::date - 2)::timestamptz
            AND p.starts_at < (${toDate}::date + 2)::timestamptz
          ${instructorIds ? sql`AND p.instructor_id = ANY(${`{${instructorIds.join(',')}}`}::uuid[])` : sql``}`,
    ),
  ]);
  const out = new Map<string, InstructorSchedule>();
  for (const p of profiles) {
    out.set(p.id, {
      instructorId: p.id,
      accountStatus: p.accountStatus,
      timezone: p.timezone,
      bufferMinutes: p.bufferMinutes,
      minAdvanceHours: p.minAdvanceHours,
      maxDaysAhead: p.maxDaysAhead,
      availability: {},
      blackoutDates: new Set(),
      bookings: [],
    });
  }
  for (const r of ranges) {
    const s = out.get(r.id);
    if (s) (s.availability[r.date] ??= []).push({ start: formatHHMM(r.s), end: formatHHMM(r.e) });
  }
  for (const b of blackouts) out.get(b.id)?.blackoutDates.add(b.date);
  for (const b of booked)
    out.get(b.id)?.bookings.push({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) });
  return out;
}
