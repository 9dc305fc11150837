import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import {
  boroughs,
  instructorAreas,
  instructorProfiles,
  instructorServices,
  neighborhoods,
  users,
} from '../../db/schema/index.js';
import type { AccountStatus } from '../../../contracts/accounts.js';
import type { ListInstructorsQuery } from '../../../contracts/instructors.js';

export type ProfileRow = typeof instructorProfiles.$inferSelect & {
  fullName: string;
  accountStatus: AccountStatus;
};
export type OfferingRow = typeof instructorServices.$inferSelect;

export async function findProfile(db: Db, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await db
    .select({ p: instructorProfiles, fullName: users.fullName, accountStatus: users.accountStatus })
    .from(instructorProfiles)
    .innerJoin(users, eq(users.id, instructorProfiles.userId))
    .where(eq(instructorProfiles.userId, userId));
  // The column's check constraint holds it to the three statuses.
  return row && { ...row.p, fullName: row.fullName, accountStatus: row.accountStatus as AccountStatus };
}

/** The empty profile every instructor account has to edit; an existing one is left as it is. */
export async function insertEmptyProfileIfMissing(db: Db, userId: string, timezone: string): Promise<void> {
  await db.insert(instructorProfiles).values({ userId, timezone }).onConflictDoNothing();
}

export async function updateProfile(
  db: Db,
  userId: string,
  patch: Partial<typeof instructorProfiles.$inferInsert>,
) {
  await db
    .update(instructorProfiles)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(instructorProfiles.userId, userId));
}

export async function replaceAreas(
  db: Db,
  userId: string,
  areas: { boroughSlug: string; neighborhoodSlug: string }[],
) {
  await db.delete(instructorAreas).where(eq(instructorAreas.instructorId, userId));
  if (areas.length)
    await db.insert(instructorAreas).values(areas.map((a) => ({ ...a, instructorId: userId })));
}

export interface AreaView {
  boroughSlug: string;
  borough: string;
  neighborhoodSlug: string | null;
  neighborhood: string | null;
}

export async function areasOf(db: Db, ids: string[]): Promise<Map<string, AreaView[]>> {
  const out = new Map<string, AreaView[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({
      id: instructorAreas.instructorId,
      boroughSlug: instructorAreas.boroughSlug,
      borough: boroughs.name,
      neighborhoodSlug: instructorAreas.neighborhoodSlug,
      neighborhood: neighborhoods.name,
    })
    .from(instructorAreas)
    .innerJoin(boroughs, eq(boroughs.slug, instructorAreas.boroughSlug))
    .leftJoin(neighborhoods, eq(neighborhoods.slug, instructorAreas.neighborhoodSlug))
    .where(inArray(instructorAreas.instructorId, ids))
    .orderBy(instructorAreas.boroughSlug, instructorAreas.neighborhoodSlug);
  for (const r of rows) {
    const list = out.get(r.id) ?? [];
    list.push({
      boroughSlug: r.boroughSlug,
      borough: r.borough,
      neighborhoodSlug: r.neighborhoodSlug || null,
      neighborhood: r.neighborhood,
    });
    out.set(r.id, list);
  }
  return out;
}

export type OfferingWithService = OfferingRow & {
  service: { id: string; slug: string; name: string; categorySlug: string };
};

/** Offerings of many instructors with their catalog service, optionally narrowed by the list filters. */
export async function offeringsOf(
  db: Db,
  ids: string[],
  where?: SQL,
): Promise<Map<string, OfferingWithService[]>> {
  const out = new Map<string, OfferingWithService[]>();
  if (!ids.length) return out;
  const rows = await rowsOf<
    OfferingWithService & { s_id: string; s_slug: string; s_name: string; c_slug: string }
  >(
    db,
    sql`SELECT isv.id, isv.instructor_id AS "instructorId", isv.service_id AS "serviceId",
               isv.hourly_rate_cents AS "hourlyRateCents", isv.durations, isv.description, isv.first_lesson AS "firstLesson", isv.levels,
               isv.age_groups AS "ageGroups", isv.location_types AS "locationTypes", isv.active,
               s.id AS s_id, s.slug AS s_slug, s.name AS s_name, c.slug AS c_slug
        FROM instructor_services isv JOIN services s ON s.id = isv.service_id JOIN categories c ON c.id = s.category_id
        JOIN users u ON u.id = isv.instructor_id
        WHERE isv.instructor_id = ANY(${`{${ids.join(',')}}`}::uuid[]) ${where ? sql`AND ${where}` : sql``}
        ORDER BY isv.hourly_rate_cents, s.name, isv.id`,
  );
  for (const r of rows) {
    const { s_id, s_slug, s_name, c_slug, ...o } = r;
    const list = out.get(r.instructorId) ?? [];
    list.push({ ...o, service: { id: s_id, slug: s_slug, name: s_name, categorySlug: c_slug } });
    out.set(r.instructorId, list);
  }
  return out;
}

/** Offerings a student can book: active, of an active catalog service. */
export const ACTIVE_OFFERINGS = sql`isv.active AND s.active`;

/** SQL filter over an offering row `isv` joined with service `s`, category `c`, user `u`. */
export function listFilter(q: ListInstructorsQuery): SQL {
  const parts: SQL[] = [
    sql`isv.active AND s.active AND u.account_status = 'active' AND u.email_verified_at IS NOT NULL`,
  ];
  if (q.service) parts.push(sql`(s.slug = ${q.service} OR s.id::text = ${q.service})`);
  if (q.category) parts.push(sql`(c.slug = ${q.category} OR c.id::text = ${q.category})`);
  if (q.minPriceCents !== undefined) parts.push(sql`isv.hourly_rate_cents >= ${q.minPriceCents}`);
  if (q.maxPriceCents !== undefined) parts.push(sql`isv.hourly_rate_cents <= ${q.maxPriceCents}`);
  if (q.format === 'online') parts.push(sql`'online' = ANY(isv.location_types)`);
  if (q.format === 'in_person')
    parts.push(sql`isv.location_types && ARRAY['instructor_place', 'student_place']`);
  if (q.borough) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM instructor_areas a WHERE a.instructor_id = isv.instructor_id AND a.borough_slug = ${q.borough})`,
    );
  }
  return sql.join(parts, sql` AND `);
}

/** One row per instructor with a matching offering, cheapest match first, then name and id. */
export async function pageOfInstructors(db: Db, filter: SQL, limit: number, offset: number) {
  const rows = await rowsOf<{ id: string; total: number }>(
    db,
    sql`SELECT isv.instructor_id AS id, count(*) OVER ()::int AS total
        FROM instructor_services isv
        JOIN services s ON s.id = isv.service_id JOIN categories c ON c.id = s.category_id
        JOIN users u ON u.id = isv.instructor_id JOIN instructor_profiles p ON p.user_id = isv.instructor_id
        WHERE ${filter}
        GROUP BY isv.instructor_id, u.full_name
        ORDER BY min(isv.hourly_rate_cents), u.full_name, isv.instructor_id
        LIMIT ${limit} OFFSET ${offset}`,
  );
  return {
    ids: rows.map((r) => r.id),
    total: rows[0]?.total ?? (offset > 0 ? await countInstructors(db, filter) : 0),
  };
}

async function countInstructors(db: Db, filter: SQL): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT isv.instructor_id)::int AS n FROM instructor_services isv
        JOIN services s ON s.id = isv.service_id JOIN categories c ON c.id = s.category_id
        JOIN users u ON u.id = isv.instructor_id JOIN instructor_profiles p ON p.user_id = isv.instructor_id
        WHERE ${filter}`,
  );
  return row?.n ?? 0;
}

export async function findOffering(db: Db, id: string): Promise<OfferingRow | undefined> {
  const [row] = await db.select().from(instructorServices).where(eq(instructorServices.id, id));
  return row;
}

export async function findOfferingOfService(
  db: Db,
  instructorId: string,
  serviceId: string,
): Promise<OfferingRow | undefined> {
  const [row] = await db
    .select()
    .from(instructorServices)
    .where(
      and(eq(instructorServices.instructorId, instructorId), eq(instructorServices.serviceId, serviceId)),
    );
  return row;
}

export async function insertOffering(
  db: Db,
  values: typeof instructorServices.$inferInsert,
): Promise<OfferingRow> {
  const [row] = await db.insert(instructorServices).values(values).returning();
  return row!;
}

export async function updateOffering(
  db: Db,
  id: string,
  patch: Partial<typeof instructorServices.$inferInsert>,
): Promise<OfferingRow> {
  const [row] = await db
    .update(instructorServices)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(instructorServices.id, id))
    .returning();
  return row!;
}

export async function deleteOffering(db: Db, id: string): Promise<void> {
  await db.delete(instructorServices).where(eq(instructorServices.id, id));
}
