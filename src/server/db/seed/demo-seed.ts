import { DEFAULT_TIME_ZONE } from '../../../contracts/time-zone.js';
import { DateTime } from 'luxon';
import { count, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  availabilityRanges,
  boroughs,
  categories,
  instructorAreas,
  instructorProfiles,
  instructorServices,
  neighborhoods,
  roles,
  services,
  userRoles,
  users,
} from '../schema/index.js';
import { addRoles } from '../../platform/access/rbac.repo.js';
import { insertBooking } from '../../modules/bookings/bookings.repo.js';
import { lessonPriceCents } from '../../../contracts/money.js';
import { DEMO_PATTERNS } from './demo-plan.js';
import { STUDENT_NAMES, demoBio, demoDescription } from './demo-people.js';
import { buildRoster, demoRate } from './demo-roster.js';
import { insertMany, seedReviewedLessons } from './demo-reviews.js';
import { seededRandom } from './random.js';

export const DEMO_PASSWORD = 'Demo-pass-1';
/** Share of instructors per borough, by index in slug order (bronx, brooklyn, manhattan, queens, staten-island). */
const BOROUGH_SPREAD = [2, 1, 2, 3, 1, 0, 2, 1, 3, 4];
const ZONE = DEFAULT_TIME_ZONE;
const WEEKS = 8;

export interface DemoSeedResult {
  instructors: number;
  students: number;
  bookings: number;
  reviews: number;
  availabilityRows: number;
}

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * A living marketplace, deterministic (fixed seed) with dates relative to `now`: an admin, six
 * students, 400+ instructors over the five boroughs covering every catalog service (demo-roster.ts),
 * eight weeks of availability, past completed lessons with reviews and future confirmed ones.
 * All accounts share DEMO_PASSWORD.
 */
export async function seedDemo(db: Db, now: Date, passwordHash: string): Promise<DemoSeedResult> {
  const r = seededRandom(20261124);
  const catalog = await db
    .select({
      id: services.id,
      slug: services.slug,
      name: services.name,
      category: categories.slug,
      durations: services.typicalDurations,
      online: services.onlineCapable,
    })
    .from(services)
    .innerJoin(categories, sql`${categories.id} = ${services.categoryId}`)
    .where(sql`${services.active}`)
    .orderBy(services.slug);
  const allBoroughs = await db.select().from(boroughs).orderBy(boroughs.slug);
  const hoods = await db.select().from(neighborhoods).orderBy(neighborhoods.slug);

  const insertUser = async (email: string, fullName: string) => {
    const [u] = await db
      .insert(users)
      .values({ email, fullName, passwordHash, timezone: ZONE, emailVerifiedAt: now })
      .returning({ id: users.id });
    return u!.id;
  };
  const adminId = await insertUser('admin@instainstru.local', 'Alex Admin');
  await addRoles(db, adminId, ['student', 'admin']);
  const studentIds: string[] = [];
  for (const [i, name] of STUDENT_NAMES.entries()) {
    const id = await insertUser(`student${i + 1}@instainstru.local`, name);
    await addRoles(db, id, ['student']);
    studentIds.push(id);
  }

  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const offerings: {
    id: string;
    instructorId: string;
    durations: number[];
    serviceId: string;
    rate: number;
    pattern: (typeof DEMO_PATTERNS)[number];
  }[] = [];
  const availabilityRows: (typeof availabilityRanges.$inferInsert)[] = [];

  const roleIds = new Map(
    (await db.select({ id: roles.id, name: roles.name }).from(roles)).map((x) => [x.name, x.id]),
  );
  const roster = buildRoster(catalog);
  // Written in a few multi-row statements: a thousand round trips would dominate the first start.
  const instructorIds = (
    await insertMany(
      db,
      users,
      roster.map((p, i) => ({
        email: `instructor${i + 1}@instainstru.local`,
        fullName: p.fullName,
        passwordHash,
        timezone: ZONE,
        // Demo accounts are verified: every demo instructor is in search.
        emailVerifiedAt: now,
      })),
      { id: users.id },
    )
  ).map((u) => u.id);
  await insertMany(
    db,
    userRoles,
    instructorIds.flatMap((userId) =>
      ['student', 'instructor'].map((name) => ({ userId, roleId: roleIds.get(name)! })),
    ),
  );
  const profiles: (typeof instructorProfiles.$inferInsert)[] = [];
  const areaRows: (typeof instructorAreas.$inferInsert)[] = [];
  const offeringRows: (typeof instructorServices.$inferInsert)[] = [];
  const patternOf = new Map<string, (typeof DEMO_PATTERNS)[number]>();
  for (const [i, person] of roster.entries()) {
    const id = instructorIds[i]!;
    // Manhattan and Brooklyn get the most teachers, like the city's demand.
    const borough = allBoroughs[BOROUGH_SPREAD[i % BOROUGH_SPREAD.length]! % allBoroughs.length]!;
    const years = r.int(1, 25);
    const main = person.services[0]!;
    profiles.push({
      userId: id,
      bio: demoBio(r, main.name, years, borough.name),
      yearsExperience: years,
      timezone: ZONE,
      minAdvanceHours: r.pick([1, 2, 2, 4, 12]),
      bufferMinutes: r.pick([0, 0, 0, 15, 30]),
      maxDaysAhead: 90,
    });
    const localHoods = r.shuffle(hoods.filter((h) => h.boroughSlug === borough.slug)).slice(0, r.int(1, 4));
    areaRows.push(
      ...localHoods.map((h) => ({ instructorId: id, boroughSlug: borough.slug, neighborhoodSlug: h.slug })),
    );
    if (r.chance(0.3)) {
      const other = allBoroughs[(allBoroughs.indexOf(borough) + 1) % allBoroughs.length]!;
      areaRows.push({ instructorId: id, boroughSlug: other.slug, neighborhoodSlug: '' });
    }
    patternOf.set(id, DEMO_PATTERNS[r.int(0, DEMO_PATTERNS.length - 1)]!);
    for (const svc of person.services) {
      const durations = svc.durations.filter((d) => d <= 120).slice(0, 4);
      offeringRows.push({
        instructorId: id,
        serviceId: svc.id,
        hourlyRateCents: demoRate(svc.slug, svc.category, r),
        durations: durations.length ? durations : [60],
        description: demoDescription(r, svc.name),
        levels: r.chance(0.7) ? ['beginner', 'intermediate', 'advanced'] : ['beginner', 'intermediate'],
        ageGroups:
          svc.category === 'kids'
            ? ['kids']
            : r.chance(0.6)
              ? ['kids', 'teens', 'adults']
              : ['teens', 'adults'],
        locationTypes: svc.online
          ? r.chance(0.5)
            ? ['online', 'instructor_place']
            : ['online', 'student_place', 'instructor_place']
          : ['instructor_place', 'student_place'],
      });
    }
  }
  await insertMany(db, instructorProfiles, profiles);
  await insertMany(db, instructorAreas, areaRows);
  const inserted = await insertMany(db, instructorServices, offeringRows, {
    id: instructorServices.id,
    instructorId: instructorServices.instructorId,
    serviceId: instructorServices.serviceId,
    durations: instructorServices.durations,
    rate: instructorServices.hourlyRateCents,
  });
  for (const row of inserted)
    offerings.push({
      id: row.id,
      instructorId: row.instructorId,
      serviceId: row.serviceId,
      durations: row.durations,
      rate: row.rate,
      pattern: patternOf.get(row.instructorId)!,
    });
  for (const id of instructorIds) {
    const pattern = patternOf.get(id)!;
    for (let d = -7; d < WEEKS * 7; d++) {
      const date = today.plus({ days: d });
      for (const [from, to] of pattern.ranges(date.weekday)) {
        availabilityRows.push({
          instructorId: id,
          date: date.toISODate()!,
          startMinute: from * 60,
          endMinute: to * 60,
        });
      }
    }
  }
  await insertMany(db, availabilityRanges, availabilityRows);
  const reviewed = await seedReviewedLessons(db, {
    now,
    passwordHash,
    offerings,
    services: new Map(catalog.map((c) => [c.id, c])),
    studentRoleId: roleIds.get('student')!,
    r,
  });

  // Lessons: a few past (completed) and upcoming (confirmed) per student, inside real availability.
  let booked = 0;
  for (const [si, studentId] of studentIds.entries()) {
    for (let n = 0; n < 10; n++) {
      const offering = offerings[(si * 17 + n * 29) % offerings.length]!;
      const dayOffset = n < 5 ? -(n * 4 + si + 2) : n * 2 + si - 6;
      const date = today.plus({ days: dayOffset });
      const ranges = offering.pattern.ranges(date.weekday);
      if (!ranges.length) continue;
      const [from] = ranges[0]!;
      const minutes = offering.durations.includes(60) ? 60 : offering.durations[0]!;
      const startsAt = date.plus({ hours: from + (n % 2) }).toJSDate();
      if (n >= 5 && startsAt.getTime() < now.getTime() + 24 * 3_600_000) continue;
      const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
      const [meta] = await db
        .select({
          serviceId: instructorServices.serviceId,
          name: services.name,
          slug: services.slug,
          buffer: instructorProfiles.bufferMinutes,
        })
        .from(instructorServices)
        .innerJoin(services, sql`${services.id} = ${instructorServices.serviceId}`)
        .innerJoin(instructorProfiles, sql`${instructorProfiles.userId} = ${instructorServices.instructorId}`)
        .where(sql`${instructorServices.id} = ${offering.id}`);
      try {
        await insertBooking(db, {
          studentId,
          instructorId: offering.instructorId,
          instructorServiceId: offering.id,
          serviceId: meta!.serviceId,
          serviceName: meta!.name,
          serviceSlug: meta!.slug,
          hourlyRateCents: offering.rate,
          priceCents: lessonPriceCents(offering.rate, minutes),
          durationMinutes: minutes,
          bufferMinutes: meta!.buffer,
          startsAt,
          endsAt,
          instructorTimezone: ZONE,
          studentTimezone: ZONE,
          locationType: 'online',
          status: n < 5 ? 'completed' : 'confirmed',
          completedAt: n < 5 ? endsAt : null,
          createdAt: new Date(Math.min(now.getTime(), startsAt.getTime()) - 7 * 86_400_000),
        });
        booked++;
      } catch {
        // Two generated lessons collided for one person: the database said no, the demo moves on.
      }
    }
  }
  return {
    instructors: instructorIds.length,
    students: studentIds.length,
    bookings: booked + reviewed.lessons,
    reviews: reviewed.reviews,
    availabilityRows: availabilityRows.length,
  };
}
