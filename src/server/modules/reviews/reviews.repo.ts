import { and, count, desc, eq, gt, isNull, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { instructorProfiles, reviews, studentFeedback, users } from '../../db/schema/index.js';
import { bookings } from '../../db/schema/bookings.js';

export type ReviewRow = typeof reviews.$inferSelect;
export type FeedbackRow = typeof studentFeedback.$inferSelect;
export interface ReviewWithNames extends ReviewRow {
  reviewerFullName: string | null;
  serviceName: string;
}

const withNames = {
  review: reviews,
  reviewerFullName: users.fullName,
  serviceName: bookings.serviceName,
};
const flatten = (r: { review: ReviewRow; reviewerFullName: string | null; serviceName: string }) => ({
  ...r.review,
  reviewerFullName: r.reviewerFullName,
  serviceName: r.serviceName,
});

/** Published: the double-blind has lifted and no moderator hid it. */
const published = (now: Date) => and(lte(reviews.visibleAt, now), isNull(reviews.hiddenAt));

export async function findReview(db: Db, id: string): Promise<ReviewWithNames | undefined> {
  const [row] = await db
    .select(withNames)
    .from(reviews)
    .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
    .leftJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.id, id));
  return row && flatten(row);
}

export async function reviewOfBooking(db: Db, bookingId: string): Promise<ReviewWithNames | undefined> {
  const [row] = await db
    .select(withNames)
    .from(reviews)
    .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
    .leftJoin(users, eq(users.id, reviews.reviewerId))
    .where(eq(reviews.bookingId, bookingId));
  return row && flatten(row);
}

export async function feedbackOfBooking(db: Db, bookingId: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.select().from(studentFeedback).where(eq(studentFeedback.bookingId, bookingId));
  return row;
}

/** Inserts the review; undefined when the lesson already has one (the unique booking id). */
export async function insertReview(
  db: Db,
  values: typeof reviews.$inferInsert,
): Promise<ReviewRow | undefined> {
  const [row] = await db.insert(reviews).values(values).onConflictDoNothing().returning();
  return row;
}

export async function insertFeedback(
  db: Db,
  values: typeof studentFeedback.$inferInsert,
): Promise<FeedbackRow | undefined> {
  const [row] = await db.insert(studentFeedback).values(values).onConflictDoNothing().returning();
  return row;
}

/** Both sides have written: the double-blind lifts now for whichever was still waiting. */
export async function revealBoth(db: Db, bookingId: string, now: Date): Promise<void> {
  await db
    .update(reviews)
    .set({ visibleAt: now })
    .where(and(eq(reviews.bookingId, bookingId), gt(reviews.visibleAt, now)));
  await db
    .update(studentFeedback)
    .set({ visibleAt: now })
    .where(and(eq(studentFeedback.bookingId, bookingId), gt(studentFeedback.visibleAt, now)));
}

/** Sets the one reply; false when there already is one (checked in the statement, race-free). */
export async function setReply(db: Db, id: string, text: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(reviews)
    .set({ replyText: text, repliedAt: now })
    .where(and(eq(reviews.id, id), isNull(reviews.replyText)))
    .returning({ id: reviews.id });
  return rows.length > 0;
}

/** False when it was hidden already (a concurrent moderator got there first). */
export async function hideReview(
  db: Db,
  id: string,
  reason: string,
  by: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(reviews)
    .set({ hiddenAt: now, hiddenReason: reason, hiddenBy: by })
    .where(and(eq(reviews.id, id), isNull(reviews.hiddenAt)))
    .returning({ id: reviews.id });
  return rows.length > 0;
}

export async function isInstructor(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: instructorProfiles.userId })
    .from(instructorProfiles)
    .innerJoin(users, eq(users.id, instructorProfiles.userId))
    .where(and(eq(instructorProfiles.userId, id), eq(users.accountStatus, 'active')));
  return !!row;
}

export async function publishedReviewsOf(
  db: Db,
  instructorId: string,
  now: Date,
  limit: number,
  offset: number,
): Promise<{ rows: ReviewWithNames[]; total: number }> {
  const where = and(eq(reviews.instructorId, instructorId), published(now));
  const [rows, [totalRow]] = await Promise.all([
    db
      .select(withNames)
      .from(reviews)
      .innerJoin(bookings, eq(bookings.id, reviews.bookingId))
      .leftJoin(users, eq(users.id, reviews.reviewerId))
      .where(where)
      .orderBy(desc(reviews.createdAt), desc(reviews.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(reviews).where(where),
  ]);
  return { rows: rows.map(flatten), total: totalRow?.n ?? 0 };
}

export interface RatingSums {
  instructorId: string;
  instructorServiceId: string;
  n: number;
  sum: number;
}

/** Star counts and sums of every published review, per offering (instructors add theirs up). */
export async function publishedRatingSums(db: Db, now: Date): Promise<RatingSums[]> {
  return db
    .select({
      instructorId: reviews.instructorId,
      instructorServiceId: reviews.instructorServiceId,
      n: sql<number>`count(*)::int`,
      sum: sql<number>`sum(${reviews.rating})::int`,
    })
    .from(reviews)
    .where(published(now))
    .groupBy(reviews.instructorId, reviews.instructorServiceId);
}

/** When the next waiting review's window closes (it then counts), or null. */
export async function nextReveal(db: Db, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: min(reviews.visibleAt) })
    .from(reviews)
    .where(and(gt(reviews.visibleAt, now), isNull(reviews.hiddenAt)));
  return row?.at ?? null;
}
