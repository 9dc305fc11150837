import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import {
  availabilityRanges,
  bookings,
  instructorAreas,
  instructorProfiles,
  instructorServices,
  services as catalogServices,
} from '../db/schema/index.js';
import type { TestApp } from './test-app.js';

export interface InstructorFixture {
  id: string;
  token: string;
  email: string;
  offerings: { id: string; serviceId: string; slug: string; hourlyRateCents: number; durations: number[] }[];
}

/**
 * An instructor written straight to the database (fast, independent of the routes under test):
 * profile, areas and offerings of catalog services by slug.
 */
export async function createInstructor(
  t: TestApp,
  o: {
    fullName?: string;
    timezone?: string;
    bufferMinutes?: number;
    minAdvanceHours?: number;
    maxDaysAhead?: number;
    /** false: the instructor has not verified their email yet (kept out of search). */
    verified?: boolean;
    areas?: { borough: string; neighborhood?: string }[];
    services?: {
      slug: string;
      hourlyRateCents?: number;
      durations?: number[];
      locationTypes?: string[];
      levels?: string[];
      ageGroups?: string[];
    }[];
  } = {},
): Promise<InstructorFixture> {
  const u = await t.user({
    roles: ['instructor'],
    fullName: o.fullName ?? 'Ina Instructor',
    verified: o.verified,
  });
  await t.deps.db.insert(instructorProfiles).values({
    userId: u.id,
    bio: 'Teaches with patience.',
    yearsExperience: 5,
    timezone: o.timezone ?? 'America/New_York',
    bufferMinutes: o.bufferMinutes ?? 0,
    minAdvanceHours: o.minAdvanceHours ?? 0,
    maxDaysAhead: o.maxDaysAhead ?? 90,
  });
  const areas = o.areas ?? [{ borough: 'brooklyn' }];
  if (areas.length) {
    await t.deps.db.insert(instructorAreas).values(
      areas.map((a) => ({
        instructorId: u.id,
        boroughSlug: a.borough,
        neighborhoodSlug: a.neighborhood ?? '',
      })),
    );
  }
  const offerings: InstructorFixture['offerings'] = [];
  for (const s of o.services ?? [{ slug: 'piano' }]) {
    const [svc] = await t.deps.db.select().from(catalogServices).where(eq(catalogServices.slug, s.slug));
    if (!svc) throw new Error(`no catalog service ${s.slug}`);
    const [row] = await t.deps.db
      .insert(instructorServices)
      .values({
        instructorId: u.id,
        serviceId: svc.id,
        hourlyRateCents: s.hourlyRateCents ?? 6000,
        durations: s.durations ?? [30, 60],
        levels: s.levels ?? ['beginner', 'intermediate'],
        ageGroups: s.ageGroups ?? ['kids', 'teens', 'adults'],
        locationTypes: s.locationTypes ?? ['online', 'instructor_place'],
      })
      .returning();
    offerings.push({
      id: row!.id,
      serviceId: svc.id,
      slug: s.slug,
      hourlyRateCents: row!.hourlyRateCents,
      durations: row!.durations,
    });
  }
  await t.services.catalog.invalidate();
  return { id: u.id, token: u.token, email: u.email, offerings };
}

/** Availability rows written directly: `ranges` as "HH:MM-HH:MM" on each date. */
export async function addAvailability(
  t: TestApp,
  instructorId: string,
  dates: string[],
  ranges: string[],
): Promise<void> {
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const rows = dates.flatMap((date) =>
    ranges.map((r) => {
      const [a, b] = r.split('-') as [string, string];
      return { instructorId, date, startMinute: toMin(a), endMinute: toMin(b) };
    }),
  );
  if (rows.length) await t.deps.db.insert(availabilityRanges).values(rows);
  await t.services.availability.invalidate(instructorId);
}

/** The local date `days` after the clock's today in a zone. */
export function localDate(now: Date, days: number, zone = 'America/New_York'): string {
  return DateTime.fromJSDate(now, { zone }).plus({ days }).toISODate()!;
}

/**
 * A lesson row written straight to the table (no participants rows, no rules): for tests that
 * need a booking to exist, not tests of booking itself.
 */
export async function insertLessonRow(
  t: TestApp,
  o: {
    instructor: InstructorFixture;
    studentId: string;
    startsAt: string;
    minutes?: number;
    status?: string;
  },
): Promise<string> {
  const offering = o.instructor.offerings[0]!;
  const startsAt = new Date(o.startsAt);
  const minutes = o.minutes ?? 60;
  const [row] = await t.deps.db
    .insert(bookings)
    .values({
      studentId: o.studentId,
      instructorId: o.instructor.id,
      instructorServiceId: offering.id,
      serviceId: offering.serviceId,
      serviceName: offering.slug,
      serviceSlug: offering.slug,
      hourlyRateCents: offering.hourlyRateCents,
      priceCents: offering.hourlyRateCents,
      durationMinutes: minutes,
      bufferMinutes: 0,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      instructorTimezone: 'America/New_York',
      studentTimezone: 'America/New_York',
      locationType: 'online',
      status: o.status ?? 'confirmed',
    })
    .returning({ id: bookings.id });
  return row!.id;
}
