import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

/**
 * Instructors whose profile a search engine may list: an active, verified account teaching at least one
 * active offering of an active service (the same rule that puts them in search results).
 */
export async function listIndexableInstructorIds(db: Db): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`SELECT DISTINCT isv.instructor_id AS id
        FROM instructor_services isv
        JOIN services s ON s.id = isv.service_id
        JOIN users u ON u.id = isv.instructor_id
        JOIN instructor_profiles p ON p.user_id = isv.instructor_id
        WHERE isv.active AND s.active AND u.account_status = 'active'
          AND u.email_verified_at IS NOT NULL
        ORDER BY isv.instructor_id`,
  );
  return rows.map((r) => r.id);
}
