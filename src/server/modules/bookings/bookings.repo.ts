import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  lt,
  lte,
  ne,
  or,
  sql,
} from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import {
  bookingHistory,
  bookingParticipants,
  bookings,
  instructorProfiles,
  instructorServices,
  services,
  users,
} from '../../db/schema/index.js';

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

const range = (from: Date, to: Date) => `[${from.toISOString()},${to.toISOString()})`;

/** The offering being booked, with what the rules need from its instructor. */
export async function findOfferingForBooking(db: Db, instructorServiceId: string) {
  const [row] = await db
    .select({
      id: instructorServices.id,
      instructorId: instructorServices.instructorId,
      serviceId: instructorServices.serviceId,
      serviceName: services.name,
      serviceSlug: services.slug,
      hourlyRateCents: instructorServices.hourlyRateCents,
      durations: instructorServices.durations,
      locationTypes: instructorServices.locationTypes,
      active: instructorServices.active,
      instructorStatus: users.accountStatus,
      // What the booking emails need about the instructor, so they cost no extra query.
      instructorName: users.fullName,
      instructorEmail: users.email,
      instructorUserTimezone: users.timezone,
      instructorPhotoKey: instructorProfiles.photoKey,
      instructorAddress: instructorProfiles.address,
      timezone: instructorProfiles.timezone,
      bufferMinutes: instructorProfiles.bufferMinutes,
    })
    .from(instructorServices)
    .innerJoin(services, eq(services.id, instructorServices.serviceId))
    .innerJoin(users, eq(users.id, instructorServices.instructorId))
    .innerJoin(instructorProfiles, eq(instructorProfiles.userId, instructorServices.instructorId))
    .where(eq(instructorServices.id, instructorServiceId));
  return row;
}
export type OfferingForBooking = NonNullable<Awaited<ReturnType<typeof findOfferingForBooking>>>;

const bookingColumns = getTableColumns(bookings);

/** A raw `bookings` row (snake_case, driver values) read through the schema's own column mappers. */
function bookingFromRaw(raw: Record<string, unknown>): BookingRow {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(bookingColumns)) {
    const v = raw[column.name];
    out[key] = v === null || v === undefined ? null : column.mapFromDriverValue(v);
  }
  return out as BookingRow;
}

/**
 * Inserts the lesson, the time it blocks for both people and its "created" history entry in one
 * statement: one round trip, atomic without a transaction block. The INSERT selects from the lock
 * CTE, so the advisory locks are held before the row exists. The exclusion constraint on
 * booking_participants refuses an overlap (SQLSTATE 23P01) for either person.
 */
export async function insertBooking(
  db: Db,
  b: NewBooking & { startsAt: Date; endsAt: Date; bufferMinutes: number },
): Promise<BookingRow> {
  const given = Object.entries(bookingColumns).filter(
    ([key]) => (b as Record<string, unknown>)[key] !== undefined,
  );
  // Typed casts: in INSERT ... SELECT the target columns do not type the parameters.
  const names = sql.join(
    given.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const values = sql.join(
    given.map(
      ([key, c]) => sql`${sql.param((b as Record<string, unknown>)[key], c)}::${sql.raw(c.getSQLType())}`,
    ),
    sql`, `,
  );
  // Named columns, never *: a prepared statement must keep its result shape when a column is added.
  const returned = sql.join(
    Object.values(bookingColumns).map((c) => sql.identifier(c.name)),
    sql`, `,
  );
  const instructorBlock = range(b.startsAt, addMinutes(b.endsAt, b.bufferMinutes));
  const studentBlock = range(b.startsAt, b.endsAt);
  const [row] = await rowsOf<Record<string, unknown>>(
    db,
    sql`
      WITH locked AS (${lockSql([b.instructorId, b.studentId])}),
      b AS (INSERT INTO ${bookings} (${names}) SELECT ${values} FROM locked RETURNING ${returned}),
      blocked AS (
        INSERT INTO ${bookingParticipants} (booking_id, user_id, role, blocked)
        SELECT b.id, p.user_id, p.role, p.blocked
        FROM b, (VALUES (${b.instructorId}::uuid, 'instructor', ${instructorBlock}::tstzrange),
                        (${b.studentId}::uuid, 'student', ${studentBlock}::tstzrange)) AS p(user_id, role, blocked)
        -- In user-id order, as the locks are taken.
        ORDER BY p.user_id
      ),
      history AS (
        INSERT INTO ${bookingHistory} (booking_id, event, actor_id, detail)
        SELECT b.id, 'created', b.student_id, ${JSON.stringify({ startsAt: b.startsAt.toISOString() })}::jsonb
        FROM b
      )
      SELECT ${returned} FROM b`,
  );
  return bookingFromRaw(row!);
}

export async function moveBooking(
  db: Db,
  b: BookingRow,
  startsAt: Date,
  endsAt: Date,
  durationMinutes: number,
  priceCents: number,
) {
  await lockPeople(db, [b.instructorId, b.studentId]);
  const [row] = await db
    .update(bookings)
    // A new SEQUENCE makes calendar apps replace the old time instead of keeping both.
    .set({
      startsAt,
      endsAt,
      durationMinutes,
      priceCents,
      reminderSentAt: null,
      calendarSequence: sql`${bookings.calendarSequence} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(bookings.id, b.id))
    .returning();
  await db
    .update(bookingParticipants)
    .set({ blocked: range(startsAt, addMinutes(endsAt, b.bufferMinutes)) })
    .where(and(eq(bookingParticipants.bookingId, b.id), eq(bookingParticipants.role, 'instructor')));
  await db
    .update(bookingParticipants)
    .set({ blocked: range(startsAt, endsAt) })
    .where(and(eq(bookingParticipants.bookingId, b.id), eq(bookingParticipants.role, 'student')));
  return row!;
}

/**
 * Two transactions inserting mutually overlapping rows into an exclusion constraint wait on
 * each other and end in a deadlock (a second lost per pair). Queuing bookings per person on a
 * transaction-scoped advisory lock, taken in one global order, lets the constraint answer at once.
 * The locks are taken in array order, which is sorted; ids are uuids, so the array literal needs
 * no quoting.
 */
function lockSql(userIds: string[]) {
  const ids = `{${[...new Set(userIds)].sort().join(',')}}`;
  return sql`SELECT count(pg_advisory_xact_lock(7246, hashtext(id))) AS n FROM unnest(${ids}::text[]) AS id`;
}

async function lockPeople(db: Db, userIds: string[]) {
  await db.execute(lockSql(userIds));
}

/** Moves a confirmed lesson to a final status; the WHERE makes concurrent transitions safe. */
export async function transitionBooking(
  db: Db,
  id: string,
  to: 'cancelled' | 'completed' | 'no_show',
  set: Partial<NewBooking> = {},
) {
  const [row] = await db
    .update(bookings)
    // A cancellation is a calendar update too (METHOD:CANCEL with a higher SEQUENCE).
    .set({
      ...set,
      status: to,
      ...(to === 'cancelled' ? { calendarSequence: sql`${bookings.calendarSequence} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(bookings.id, id), eq(bookings.status, 'confirmed')))
    .returning();
  // A cancelled lesson no longer blocks anyone's time.
  if (row && to === 'cancelled')
    await db.delete(bookingParticipants).where(eq(bookingParticipants.bookingId, id));
  return row;
}

export async function recordHistory(
  db: Db,
  bookingId: string,
  event: string,
  actorId: string | null,
  detail: Record<string, unknown>,
) {
  await db.insert(bookingHistory).values({ bookingId, event, actorId, detail });
}

export async function findBooking(db: Db, id: string): Promise<BookingRow | undefined> {
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  return row;
}

/** What a booking's emails and views need about one of its two people. */
export interface Participant {
  fullName: string;
  email: string;
  timezone: string;
  /** The profile photo's storage key when the person teaches and has one. */
  photoKey?: string | null;
  /** An instructor's teaching address (the LOCATION of a lesson at their place). */
  address?: string | null;
}
/** By user id. */
export type Participants = Map<string, Participant>;

export async function namesOf(db: Db, ids: string[]): Promise<Participants> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      timezone: users.timezone,
      photoKey: instructorProfiles.photoKey,
      address: instructorProfiles.address,
    })
    .from(users)
    .leftJoin(instructorProfiles, eq(instructorProfiles.userId, users.id))
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function listBookings(
  db: Db,
  q: {
    userId: string;
    as: 'student' | 'instructor';
    scope: 'upcoming' | 'history';
    now: Date;
    limit: number;
    offset: number;
  },
) {
  const who = q.as === 'student' ? eq(bookings.studentId, q.userId) : eq(bookings.instructorId, q.userId);
  const upcoming = and(eq(bookings.status, 'confirmed'), gt(bookings.endsAt, q.now));
  const where = and(
    who,
    q.scope === 'upcoming' ? upcoming : or(ne(bookings.status, 'confirmed'), lte(bookings.endsAt, q.now)),
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(bookings)
      .where(where)
      .orderBy(q.scope === 'upcoming' ? asc(bookings.startsAt) : desc(bookings.startsAt), asc(bookings.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(bookings).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** How many lessons one schedule answer holds at most (six weeks of back-to-back half hours is fewer). */
const SCHEDULE_ROW_LIMIT = 2000;

/** An instructor's lessons starting in [from, to), of every status, earliest first. */
export async function instructorLessonsBetween(db: Db, instructorId: string, from: Date, to: Date) {
  return db
    .select()
    .from(bookings)
    .where(
      and(eq(bookings.instructorId, instructorId), gte(bookings.startsAt, from), lt(bookings.startsAt, to)),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id))
    .limit(SCHEDULE_ROW_LIMIT);
}

/** Distinct instructors of a student's recent lessons, with the offering to book again. */
export async function recentInstructors(db: Db, studentId: string, now: Date, limit: number) {
  return rowsOf<{ instructorId: string; instructorServiceId: string; lastStartsAt: Date; active: boolean }>(
    db,
    sql`
      SELECT DISTINCT ON (b.instructor_id) b.instructor_id AS "instructorId",
             b.instructor_service_id AS "instructorServiceId", b.starts_at AS "lastStartsAt",
             (isv.active AND u.account_status = 'active') AS active
      FROM bookings b
      JOIN instructor_services isv ON isv.id = b.instructor_service_id
      JOIN users u ON u.id = b.instructor_id
      WHERE b.student_id = ${studentId} AND b.status IN ('completed', 'confirmed')
        AND b.starts_at <= ${now.toISOString()}::timestamptz
      ORDER BY b.instructor_id, b.starts_at DESC
      LIMIT 200`,
  ).then((rows) =>
    rows
      .filter((r) => r.active)
      .sort((a, b) => +new Date(b.lastStartsAt) - +new Date(a.lastStartsAt))
      .slice(0, limit),
  );
}

export async function instructorStats(db: Db, instructorId: string, now: Date, monthStart: Date) {
  const [row] = await rowsOf<{
    upcoming: number;
    completed: number;
    cancelled: number;
    noShow: number;
    earningsThisMonthCents: number;
    earningsTotalCents: number;
  }>(
    db,
    sql`
      SELECT
        count(*) FILTER (WHERE status = 'confirmed' AND ends_at > ${now.toISOString()}::timestamptz)::int AS upcoming,
        count(*) FILTER (WHERE status = 'completed')::int AS completed,
        count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
        count(*) FILTER (WHERE status = 'no_show')::int AS "noShow",
        coalesce(sum(CASE WHEN status IN ('completed', 'no_show') THEN price_cents
                          WHEN status = 'cancelled' THEN coalesce(cancellation_fee_cents, 0) END)
                 FILTER (WHERE starts_at >= ${monthStart.toISOString()}::timestamptz), 0)::int AS "earningsThisMonthCents",
        coalesce(sum(CASE WHEN status IN ('completed', 'no_show') THEN price_cents
                          WHEN status = 'cancelled' THEN coalesce(cancellation_fee_cents, 0) END), 0)::int AS "earningsTotalCents"
      FROM bookings WHERE instructor_id = ${instructorId}`,
  );
  return row!;
}

/** Lessons that ended more than `graceHours` ago and nobody marked: completed automatically. */
export async function autoCompleteEnded(db: Db, now: Date, graceHours: number): Promise<number> {
  const rows = await db
    .update(bookings)
    .set({ status: 'completed', completedAt: now, updatedAt: sql`now()` })
    .where(
      and(
        eq(bookings.status, 'confirmed'),
        lte(bookings.endsAt, new Date(now.getTime() - graceHours * 3_600_000)),
      ),
    )
    .returning({ id: bookings.id });
  return rows.length;
}

/** Confirmed lessons starting within the next 24 h whose reminder is due (booked ≥ 24 h ahead). */
export async function claimDueReminders(db: Db, now: Date): Promise<BookingRow[]> {
  return db
    .update(bookings)
    .set({ reminderSentAt: now })
    .where(
      and(
        eq(bookings.status, 'confirmed'),
        sql`${bookings.reminderSentAt} IS NULL`,
        gt(bookings.startsAt, now),
        lte(bookings.startsAt, new Date(now.getTime() + 24 * 3_600_000)),
        sql`${bookings.createdAt} <= ${bookings.startsAt} - interval '24 hours'`,
      ),
    )
    .returning();
}

/** Confirmed lessons of `userId` on `role`'s side that have not started by `now`. */
export async function futureConfirmedCount(
  db: Db,
  userId: string,
  role: 'student' | 'instructor',
  now: Date,
) {
  const who = role === 'student' ? eq(bookings.studentId, userId) : eq(bookings.instructorId, userId);
  const [row] = await db
    .select({ n: count() })
    .from(bookings)
    .where(and(who, eq(bookings.status, 'confirmed'), gt(bookings.startsAt, now)));
  return row?.n ?? 0;
}

export const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/** Which of these student–instructor pairs have a lesson together in one of `statuses` ("s:i" keys). */
export async function pairsWithLessons(
  db: Db,
  pairs: { studentId: string; instructorId: string }[],
  statuses: readonly string[],
): Promise<Set<string>> {
  if (!pairs.length || !statuses.length) return new Set();
  const values = sql.join(
    pairs.map((p) => sql`(${p.studentId}::uuid, ${p.instructorId}::uuid)`),
    sql`, `,
  );
  const wanted = sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await rowsOf<{ student_id: string; instructor_id: string }>(
    db,
    sql`SELECT DISTINCT student_id, instructor_id FROM bookings
        WHERE (student_id, instructor_id) IN (${values}) AND status IN (${wanted})`,
  );
  return new Set(rows.map((r) => `${r.student_id}:${r.instructor_id}`));
}

/** The ranges `userId` is blocked by confirmed lessons (either side) that end after `after`. */
export async function busyRangesOf(db: Db, userId: string, after: Date) {
  const rows = await rowsOf<{ s: string | Date; e: string | Date }>(
    db,
    sql`SELECT lower(blocked) AS s, upper(blocked) AS e FROM ${bookingParticipants}
        WHERE user_id = ${userId}::uuid AND upper(blocked) > ${after.toISOString()}::timestamptz
        ORDER BY 1`,
  );
  return rows.map((r) => ({ start: new Date(r.s).getTime(), end: new Date(r.e).getTime() }));
}

/** Whether any lesson, in any state, was booked on this offering. */
export async function offeringHasLessons(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: bookings.id })
    .from(bookings)
    .where(eq(bookings.instructorServiceId, id))
    .limit(1);
  return !!row;
}
