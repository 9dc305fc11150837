import { sql } from 'drizzle-orm';
import type { AgeGroup, Level, LocationType } from '../../../contracts/instructors.js';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

export interface OfferingRow {
  id: string;
  instructorId: string;
  instructorName: string;
  serviceId: string;
  serviceSlug: string;
  serviceName: string;
  categorySlug: string;
  hourlyRateCents: number;
  durations: number[];
  /** Written only through the instructors' contract, so always among its values. */
  levels: Level[];
  ageGroups: AgeGroup[];
  locationTypes: LocationType[];
  timezone: string;
  /** The profile photo's storage key (the card's photo URL is built from it); null = none. */
  photoKey: string | null;
  areas: {
    boroughSlug: string;
    borough: string;
    neighborhoodSlug: string | null;
    neighborhood: string | null;
  }[];
}

/** Every bookable offering: active service, active offering, active verified instructor with a profile. */
export async function loadSearchableOfferings(db: Db, instructorId?: string): Promise<OfferingRow[]> {
  return rowsOf<OfferingRow>(
    db,
    sql`
      SELECT isv.id, isv.instructor_id AS "instructorId", u.full_name AS "instructorName",
             s.id AS "serviceId", s.slug AS "serviceSlug", s.name AS "serviceName", c.slug AS "categorySlug",
             isv.hourly_rate_cents AS "hourlyRateCents", isv.durations, isv.levels, isv.age_groups AS "ageGroups",
             isv.location_types AS "locationTypes", p.timezone, p.photo_key AS "photoKey",
             coalesce((SELECT json_agg(json_build_object(
                        'boroughSlug', a.borough_slug, 'borough', b.name,
                        'neighborhoodSlug', nullif(a.neighborhood_slug, ''), 'neighborhood', n.name)
                        ORDER BY a.borough_slug, a.neighborhood_slug)
                       FROM instructor_areas a JOIN boroughs b ON b.slug = a.borough_slug
                       LEFT JOIN neighborhoods n ON n.slug = a.neighborhood_slug
                       WHERE a.instructor_id = isv.instructor_id), '[]') AS areas
      FROM instructor_services isv
      JOIN services s ON s.id = isv.service_id AND s.active
      JOIN categories c ON c.id = s.category_id
      JOIN instructor_profiles p ON p.user_id = isv.instructor_id
      JOIN users u ON u.id = isv.instructor_id AND u.account_status = 'active'
                   AND u.email_verified_at IS NOT NULL
      WHERE isv.active ${instructorId ? sql`AND isv.instructor_id = ${instructorId}` : sql``}
      ORDER BY isv.id`,
  );
}
