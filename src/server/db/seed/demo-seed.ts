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
  services,
  users,
} from '../schema/index.js';
import { addRoles } from '../../platform/access/rbac.repo.js';
import { insertBooking } from '../../modules/bookings/bookings.repo.js';
import { lessonPriceCents } from '../../../contracts/money.js';
import { DEMO_PATTERNS, TOP_SERVICES, rateFor } from './demo-plan.js';
import { FIRST_NAMES, LAST_NAMES, STUDENT_NAMES, demoBio } from './demo-people.js';
import { seededRandom } from './random.js';

export const DEMO_PASSWORD = 'Demo-pass-1';
export const DEMO_INSTRUCTORS = TOP_SERVICES.length * 3;
const ZONE = DEFAULT_TIME_ZONE;
const WEEKS = 8;

export interface DemoSeedResult {
  instructors: number;
  students: number;
  bookings: number;
  availabilityRows: number;
}

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * A living marketplace, deterministic (fixed seed) with dates relative to `now`: an admin, six
 * students, a hundred instructors over the five boroughs and every category, eight weeks of
 * availability, past completed and future confirmed lessons. All accounts share DEMO_PASSWORD.
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
  const bySlug = new Map(catalog.map((s) => [s.slug, s]));
  const byCategory = new Map<string, typeof catalog>();
  for (const s of catalog) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  const allBoroughs = await db.select().from(boroughs).orderBy(boroughs.slug);
  const hoods = await db.select().from(neighborhoods).orderBy(neighborhoods.slug);

  const insertUser = async (email: string, fullName: string) => {
    const [u] = await db
      .insert(users)
      .values({ email, fullName, passwordHash, timezone: ZONE })
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
    rate: number;
    pattern: (typeof DEMO_PATTERNS)[number];
  }[] = [];
  const availabilityRows: (typeof availabilityRanges.$inferInsert)[] = [];

  for (let i = 0; i < DEMO_INSTRUCTORS; i++) {
    // Three teachers per top service (low, middle, high rate); second subjects spread each
    // category's other services.
    const tier = Math.floor(i / TOP_SERVICES.length);
    const main = bySlug.get(TOP_SERVICES[i % TOP_SERVICES.length]!);
    if (!main) throw new Error(`demo seed: catalog lacks ${TOP_SERVICES[i % TOP_SERVICES.length]}`);
    const first = FIRST_NAMES[i % FIRST_NAMES.length]!;
    const last = LAST_NAMES[(i * 7 + 3) % LAST_NAMES.length]!;
    const id = await insertUser(`instructor${i + 1}@instainstru.local`, `${first} ${last}`);
    await addRoles(db, id, ['student', 'instructor']);
    const borough = allBoroughs[i % allBoroughs.length]!;
    const years = r.int(1, 25);
    await db.insert(instructorProfiles).values({
      userId: id,
      bio: demoBio(r, main.name, years, borough.name),
      yearsExperience: years,
      timezone: ZONE,
      minAdvanceHours: r.pick([1, 2, 2, 4, 12]),
      bufferMinutes: r.pick([0, 0, 0, 15, 30]),
      maxDaysAhead: 90,
    });
    const localHoods = r.shuffle(hoods.filter((h) => h.boroughSlug === borough.slug)).slice(0, r.int(1, 3));
    await db.insert(instructorAreas).values([
      ...localHoods.map((h) => ({ instructorId: id, boroughSlug: borough.slug, neighborhoodSlug: h.slug })),
      ...(r.chance(0.3)
        ? [
            {
              instructorId: id,
              boroughSlug: allBoroughs[(i + 1) % allBoroughs.length]!.slug,
              neighborhoodSlug: '',
            },
          ]
        : []),
    ]);
    const extra = r.pick((byCategory.get(main.category) ?? []).filter((s) => s.slug !== main.slug));
    const pattern = DEMO_PATTERNS[i % DEMO_PATTERNS.length]!;
    for (const [k, svc] of [main, extra].entries()) {
      const rate = rateFor(svc.slug, svc.category, tier + k);
      const durations = svc.durations.filter((d) => d <= 120).slice(0, 4);
      const [row] = await db
        .insert(instructorServices)
        .values({
          instructorId: id,
          serviceId: svc.id,
          hourlyRateCents: rate,
          durations: durations.length ? durations : [60],
          description: `${svc.name} lessons tailored to you.`,
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
        })
        .onConflictDoNothing()
        .returning();
      if (row) offerings.push({ id: row.id, instructorId: id, durations: row.durations, rate, pattern });
    }
    for (let d = -28; d < WEEKS * 7; d++) {
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
  for (let k = 0; k < availabilityRows.length; k += 1000)
    await db.insert(availabilityRanges).values(availabilityRows.slice(k, k + 1000));

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
    instructors: DEMO_INSTRUCTORS,
    students: studentIds.length,
    bookings: booked,
    availabilityRows: availabilityRows.length,
  };
}
