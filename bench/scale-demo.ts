import { sql } from 'drizzle-orm';
import type { Db } from '../src/server/db/client.js';
import { rowsOf } from '../src/server/db/client.js';

/**
 * Grows the demo marketplace to `target` instructors for benchmarks by cloning the demo
 * instructors (profile, roles, areas, offerings with slightly varied rates, availability) with
 * set-based SQL: ids derived with md5 so every clone maps back to its original.
 */
export async function scaleDemoInstructors(db: Db, target: number): Promise<number> {
  const [{ n }] = (await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM instructor_profiles`,
  )) as [{ n: number }];
  const copies = Math.ceil(target / n) - 1;
  if (copies <= 0) return n;
  const src = sql`(SELECT user_id FROM instructor_profiles WHERE user_id IN (SELECT id FROM users WHERE email LIKE 'instructor%@instainstru.local'))`;
  const newId = (c: string, id: string) => sql.raw(`md5(${c}::text || ${id}::text)::uuid`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO users (id, email, password_hash, full_name, timezone)
      SELECT ${newId('c', 'u.id')}, 'bench' || c || '-' || u.email, u.password_hash, u.full_name, u.timezone
      FROM users u, generate_series(1, ${copies}) c WHERE u.id IN ${src}`);
    await tx.execute(sql`
      INSERT INTO user_roles (user_id, role_id)
      SELECT ${newId('c', 'r.user_id')}, r.role_id FROM user_roles r, generate_series(1, ${copies}) c WHERE r.user_id IN ${src}`);
    await tx.execute(sql`
      INSERT INTO instructor_profiles (user_id, bio, years_experience, timezone, min_advance_hours, buffer_minutes, max_days_ahead)
      SELECT ${newId('c', 'p.user_id')}, p.bio, p.years_experience, p.timezone, p.min_advance_hours, p.buffer_minutes, p.max_days_ahead
      FROM instructor_profiles p, generate_series(1, ${copies}) c WHERE p.user_id IN ${src}`);
    await tx.execute(sql`
      INSERT INTO instructor_areas (instructor_id, borough_slug, neighborhood_slug)
      SELECT ${newId('c', 'a.instructor_id')}, a.borough_slug, a.neighborhood_slug
      FROM instructor_areas a, generate_series(1, ${copies}) c WHERE a.instructor_id IN ${src}`);
    await tx.execute(sql`
      INSERT INTO instructor_services (id, instructor_id, service_id, hourly_rate_cents, durations, description, levels, age_groups, location_types)
      SELECT ${newId("'s' || c", 's.id')}, ${newId('c', 's.instructor_id')}, s.service_id,
             greatest(1000, s.hourly_rate_cents + ((c % 9) - 4) * 250), s.durations, s.description, s.levels, s.age_groups, s.location_types
      FROM instructor_services s, generate_series(1, ${copies}) c WHERE s.instructor_id IN ${src}`);
    await tx.execute(sql`
      INSERT INTO availability_ranges (instructor_id, date, start_minute, end_minute)
      SELECT ${newId('c', 'r.instructor_id')}, r.date, r.start_minute, r.end_minute
      FROM availability_ranges r, generate_series(1, ${copies}) c WHERE r.instructor_id IN ${src} AND r.date >= current_date`);
  });
  const [{ m }] = (await rowsOf<{ m: number }>(
    db,
    sql`SELECT count(*)::int AS m FROM instructor_profiles`,
  )) as [{ m: number }];
  return m;
}
