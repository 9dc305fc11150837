import { and, asc, between, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  availabilityRanges,
  blackoutDates,
  bookings,
  instructorProfiles,
  instructorServices,
  users,
} from '../../db/schema/index.js';
import type { Interval } from './intervals.js';

/** Availability of [from, to] as minute intervals per local date. */
export async function rangesByDate(
  db: Db,
  instructorId: string,
  from: string,
  to: string,
): Promise<Map<string, Interval[]>> {
  const rows = await db
    .select({
      date: availabilityRanges.date,
      start: availabilityRanges.startMinute,
      end: availabilityRanges.endMinute,
    })
    .from(availabilityRanges)
    .where(and(eq(availabilityRanges.instructorId, instructorId), between(availabilityRanges.date, from, to)))
    .orderBy(asc(availabilityRanges.date), asc(availabilityRanges.startMinute));
  const out = new Map<string, Interval[]>();
  for (const r of rows) out.set(r.date, [...(out.get(r.date) ?? []), { start: r.start, end: r.end }]);
  return out;
}

/** Replaces each given date's rows by the (already merged) intervals; an empty list clears the date. */
export async function replaceDates(
  db: Db,
  instructorId: string,
  byDate: Map<string, Interval[]>,
): Promise<void> {
  const dates = [...byDate.keys()];
  if (!dates.length) return;
  await db
    .delete(availabilityRanges)
    .where(and(eq(availabilityRanges.instructorId, instructorId), inArray(availabilityRanges.date, dates)));
  const rows = [...byDate].flatMap(([date, list]) =>
    list.map((r) => ({ instructorId, date, startMinute: r.start, endMinute: r.end })),
  );
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(availabilityRanges).values(rows.slice(i, i + 1000));
}

export async function blackoutsBetween(db: Db, instructorId: string, from: string, to: string) {
  return db
    .select({ date: blackoutDates.date, reason: blackoutDates.reason })
    .from(blackoutDates)
    .where(and(eq(blackoutDates.instructorId, instructorId), between(blackoutDates.date, from, to)))
    .orderBy(asc(blackoutDates.date));
}

export async function upcomingBlackouts(db: Db, instructorId: string, from: string) {
  return db
    .select({ date: blackoutDates.date, reason: blackoutDates.reason })
    .from(blackoutDates)
    .where(and(eq(blackoutDates.instructorId, instructorId), gte(blackoutDates.date, from)))
    .orderBy(asc(blackoutDates.date));
}

/** False when that date already had a blackout. */
export async function insertBlackout(
  db: Db,
  instructorId: string,
  date: string,
  reason: string,
): Promise<boolean> {
  const rows = await db
    .insert(blackoutDates)
    .values({ instructorId, date, reason })
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function deleteBlackout(db: Db, instructorId: string, date: string): Promise<boolean> {
  const rows = await db
    .delete(blackoutDates)
    .where(and(eq(blackoutDates.instructorId, instructorId), eq(blackoutDates.date, date)))
    .returning();
  return rows.length > 0;
}

export async function confirmedLessonsBetween(db: Db, instructorId: string, from: Date, to: Date) {
  return db
    .select({
      id: bookings.id,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      status: bookings.status,
      serviceName: bookings.serviceName,
    })
    .from(bookings)
    .where(
      and(
        eq(bookings.instructorId, instructorId),
        eq(bookings.status, 'confirmed'),
        sql`${bookings.startsAt} < ${to.toISOString()}::timestamptz`,
        sql`${bookings.endsAt} > ${from.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(bookings.startsAt));
}

export async function profileRules(db: Db, instructorId: string) {
  const [row] = await db
    .select({ p: instructorProfiles, accountStatus: users.accountStatus })
    .from(instructorProfiles)
    .innerJoin(users, eq(users.id, instructorProfiles.userId))
    .where(eq(instructorProfiles.userId, instructorId));
  return row && { ...row.p, accountStatus: row.accountStatus };
}

export async function activeOfferingDurations(db: Db, instructorId: string) {
  return db
    .select({ id: instructorServices.id, durations: instructorServices.durations })
    .from(instructorServices)
    .where(and(eq(instructorServices.instructorId, instructorId), eq(instructorServices.active, true)));
}
