/** The demo's history: past completed lessons by a crowd of students, most of them reviewed. */
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { bookings, reviews, userRoles, users } from '../schema/index.js';
import { DEFAULT_TIME_ZONE } from '../../../contracts/time-zone.js';
import { REVIEW_TAGS, REVIEW_WINDOW_DAYS } from '../../../contracts/reviews.js';
import { lessonPriceCents } from '../../../contracts/money.js';
import { FIRST_NAMES, LAST_NAMES, REPLY_TEXTS, REVIEW_TEXTS } from './demo-people.js';
import type { Random } from './random.js';

const BATCH = 1000;
const DAY = 86_400_000;
const REVIEWERS = 60;

/** Multi-row inserts in batches (well under PostgreSQL's 65,535 parameters a statement). */
export async function insertMany<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
): Promise<void>;
export async function insertMany<T extends PgTable, R extends Record<string, PgColumn>>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  returning: R,
): Promise<{ [K in keyof R]: R[K]['_']['data'] }[]>;
export async function insertMany(
  db: Db,
  table: PgTable,
  rows: Record<string, unknown>[],
  returning?: Record<string, PgColumn>,
): Promise<unknown[] | void> {
  const out: unknown[] = [];
  for (let k = 0; k < rows.length; k += BATCH) {
    const q = db.insert(table).values(rows.slice(k, k + BATCH));
    if (returning) out.push(...(await q.returning(returning)));
    else await q;
  }
  return returning ? out : undefined;
}

interface SeedOffering {
  id: string;
  instructorId: string;
  serviceId: string;
  durations: number[];
  rate: number;
}

const starsOf = (r: Random) => {
  const x = r.next();
  return x < 0.55 ? 5 : x < 0.85 ? 4 : x < 0.97 ? 3 : 2;
};

/**
 * Lessons 15–55 days ago, so their 14-day windows have closed and the reviews are published. Each
 * lesson gets its own (day, hour) per person: lesson c goes to student c mod REVIEWERS in slot
 * c div REVIEWERS, and an instructor's lessons are REVIEWERS+ numbers apart, so nobody is in two
 * lessons at once.
 */
export async function seedReviewedLessons(
  db: Db,
  o: {
    now: Date;
    passwordHash: string;
    offerings: SeedOffering[];
    services: Map<string, { name: string; slug: string }>;
    studentRoleId: number;
    r: Random;
  },
): Promise<{ lessons: number; reviews: number }> {
  const { r } = o;
  const studentIds = (
    await insertMany(
      db,
      users,
      Array.from({ length: REVIEWERS }, (_, i) => ({
        email: `learner${i + 1}@instainstru.local`,
        fullName: `${FIRST_NAMES[(i * 11 + 5) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 13 + 2) % LAST_NAMES.length]}`,
        passwordHash: o.passwordHash,
        timezone: DEFAULT_TIME_ZONE,
        emailVerifiedAt: o.now,
      })),
      { id: users.id },
    )
  ).map((u) => u.id);
  await insertMany(
    db,
    userRoles,
    studentIds.map((userId) => ({ userId, roleId: o.studentRoleId })),
  );

  const byInstructor = new Map<string, SeedOffering[]>();
  for (const off of o.offerings)
    byInstructor.set(off.instructorId, [...(byInstructor.get(off.instructorId) ?? []), off]);
  const n = Math.max(byInstructor.size, REVIEWERS);
  const lessonRows: (typeof bookings.$inferInsert)[] = [];
  const ratings: number[] = [];
  const day0 = new Date(o.now);
  day0.setUTCHours(0, 0, 0, 0);
  [...byInstructor.values()].forEach((mine, i) => {
    let kk = 0;
    for (const off of mine) {
      // Most offerings have a record; a few teachers are new.
      const lessons = r.chance(0.85) ? r.int(1, 5) : 0;
      for (let l = 0; l < lessons; l++, kk++) {
        const c = i + kk * n;
        const slot = Math.floor(c / REVIEWERS);
        const minutes = off.durations.includes(60) ? 60 : off.durations[0]!;
        // 12:00–20:00 UTC: 07:00–15:00 in New York, inside most teachers' days.
        const startsAt = new Date(
          day0.getTime() - (15 + (slot % 40)) * DAY + (12 + Math.floor(slot / 40)) * 3_600_000,
        );
        const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
        const svc = o.services.get(off.serviceId)!;
        lessonRows.push({
          studentId: studentIds[c % REVIEWERS]!,
          instructorId: off.instructorId,
          instructorServiceId: off.id,
          serviceId: off.serviceId,
          serviceName: svc.name,
          serviceSlug: svc.slug,
          hourlyRateCents: off.rate,
          priceCents: lessonPriceCents(off.rate, minutes),
          durationMinutes: minutes,
          bufferMinutes: 0,
          startsAt,
          endsAt,
          instructorTimezone: DEFAULT_TIME_ZONE,
          studentTimezone: DEFAULT_TIME_ZONE,
          locationType: 'online',
          status: 'completed',
          completedAt: endsAt,
          createdAt: new Date(startsAt.getTime() - 7 * DAY),
        });
        ratings.push(starsOf(r));
      }
    }
  });
  const booked = await insertMany(db, bookings, lessonRows, {
    id: bookings.id,
    studentId: bookings.studentId,
    instructorId: bookings.instructorId,
    instructorServiceId: bookings.instructorServiceId,
    serviceId: bookings.serviceId,
    endsAt: bookings.endsAt,
  });
  const reviewRows: (typeof reviews.$inferInsert)[] = [];
  booked.forEach((b, k) => {
    // About one lesson in five goes unreviewed, as in life.
    if (!r.chance(0.8)) return;
    const rating = ratings[k]!;
    const text = r.pick(REVIEW_TEXTS[rating]!);
    const createdAt = new Date(b.endsAt.getTime() + r.int(2, 96) * 3_600_000);
    const replied = r.chance(rating <= 3 ? 0.6 : 0.25);
    reviewRows.push({
      bookingId: b.id,
      reviewerId: b.studentId,
      instructorId: b.instructorId,
      instructorServiceId: b.instructorServiceId,
      serviceId: b.serviceId,
      rating,
      text: text || null,
      tags: rating >= 4 ? r.shuffle(REVIEW_TAGS).slice(0, r.int(0, 3)) : [],
      createdAt,
      visibleAt: new Date(b.endsAt.getTime() + REVIEW_WINDOW_DAYS * DAY),
      replyText: replied ? r.pick(rating <= 3 ? REPLY_TEXTS.slice(2) : REPLY_TEXTS.slice(0, 2)) : null,
      repliedAt: replied ? new Date(createdAt.getTime() + r.int(1, 48) * 3_600_000) : null,
    });
  });
  await insertMany(db, reviews, reviewRows);
  return { lessons: booked.length, reviews: reviewRows.length };
}
