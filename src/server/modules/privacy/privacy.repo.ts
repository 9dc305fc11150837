import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';

// The one place that reads and erases one person's rows across every domain's tables: a data
// export and an erasure must be complete, and a list per table here is what keeps them so
// (docs/decisions: privacy reads across domains). Secrets (password, token and IP hashes) never leave.

type Row = Record<string, unknown>;
const all = (db: Db, q: ReturnType<typeof sql>) => rowsOf<Row>(db, q);

export async function exportRows(db: Db, id: string) {
  const [profile] = await all(
    db,
    sql`SELECT id, email, full_name, timezone, account_status, status_changed_at, created_at, updated_at
        FROM users WHERE id = ${id}`,
  );
  const roles = await rowsOf<{ name: string }>(
    db,
    sql`SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ${id} ORDER BY r.name`,
  );
  const [instructorProfile] = await all(db, sql`SELECT * FROM instructor_profiles WHERE user_id = ${id}`);
  return {
    profile: profile ?? {},
    roles: roles.map((r) => r.name),
    permissionOverrides: await all(
      db,
      sql`SELECT p.name, up.granted, up.created_at FROM user_permissions up
          JOIN permissions p ON p.id = up.permission_id WHERE up.user_id = ${id}`,
    ),
    instructorProfile: instructorProfile ?? null,
    instructorAreas: await all(db, sql`SELECT * FROM instructor_areas WHERE instructor_id = ${id}`),
    instructorServices: await all(db, sql`SELECT * FROM instructor_services WHERE instructor_id = ${id}`),
    availability: await all(db, sql`SELECT * FROM availability_ranges WHERE instructor_id = ${id}`),
    blackoutDates: await all(db, sql`SELECT * FROM blackout_dates WHERE instructor_id = ${id}`),
    // The other person appears by id only: their name and contact are theirs, not mine.
    bookingsAsStudent: await all(db, sql`SELECT * FROM bookings WHERE student_id = ${id} ORDER BY starts_at`),
    bookingsAsInstructor: await all(
      db,
      sql`SELECT id, student_id, instructor_service_id, service_name, service_slug, hourly_rate_cents,
                 price_cents, duration_minutes, starts_at, ends_at, location_type, status,
                 cancellation_fee_cents, cancelled_by, cancelled_at, completed_at, created_at
          FROM bookings WHERE instructor_id = ${id} ORDER BY starts_at`,
    ),
    searchHistory: await all(
      db,
      sql`SELECT id, query, normalized_query, search_type, search_count, result_count, first_searched_at,
                 last_searched_at, deleted_at FROM search_history WHERE user_id = ${id}`,
    ),
    searchEvents: await all(
      db,
      sql`SELECT id, query, search_type, interpretation, parsed, result_count, device_type, browser, os,
                 referrer, created_at FROM search_events WHERE user_id = ${id} ORDER BY created_at`,
    ),
    searchInteractions: await all(
      db,
      sql`SELECT id, search_event_id, kind, instructor_service_id, position, created_at
          FROM search_interactions WHERE user_id = ${id}`,
    ),
    conversations: await all(
      db,
      sql`SELECT id, student_id, instructor_id, created_at, last_message_at FROM conversations
          WHERE student_id = ${id} OR instructor_id = ${id}`,
    ),
    messages: await all(
      db,
      sql`SELECT m.id, m.conversation_id, (m.sender_id = ${id}) AS "fromMe", m.body, m.sent_at, m.read_at
          FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE (c.student_id = ${id} OR c.instructor_id = ${id})
            AND (m.sender_id = ${id} OR m.hidden_at IS NULL)
          ORDER BY m.seq`,
    ),
    sessions: await all(
      db,
      sql`SELECT id, created_at, expires_at, revoked_at, user_agent FROM sessions WHERE user_id = ${id}`,
    ),
  };
}

export const DELETED_NAME = 'Deleted user';

/**
 * Erases a person inside the caller's transaction: the users row stays (past lessons reference it) with
 * nothing personal left; everything only about them goes. `names` are the forms of their name
 * the platform wrote into emails, replaced there too.
 */
export async function eraseAccountWithin(
  tx: Db,
  e: { id: string; actorId: string; oldEmail: string; names: string[]; at: Date },
) {
  const { id, oldEmail, names } = e;
  const when = e.at.toISOString();
  await tx.execute(
    sql`UPDATE users SET email = ${`deleted-${id}@deleted.invalid`}, full_name = ${DELETED_NAME},
          password_hash = '!erased', account_status = 'deactivated', status_changed_by = ${e.actorId},
          status_changed_at = ${when}::timestamptz, status_reason = NULL,
          deleted_at = ${when}::timestamptz, updated_at = ${when}::timestamptz
        WHERE id = ${id}`,
  );
  await tx.execute(
    sql`UPDATE sessions SET revoked_at = coalesce(revoked_at, ${when}::timestamptz), user_agent = NULL, ip_hash = NULL
        WHERE user_id = ${id}`,
  );
  await tx.execute(sql`DELETE FROM password_reset_tokens WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM search_interactions WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM search_events WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM search_history WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM user_events WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM user_permissions WHERE user_id = ${id}`);
  await tx.execute(
    sql`UPDATE instructor_profiles SET bio = '', address = NULL, online_link = NULL WHERE user_id = ${id}`,
  );
  await tx.execute(
    sql`UPDATE instructor_services SET active = false, description = '' WHERE instructor_id = ${id}`,
  );
  await tx.execute(sql`DELETE FROM availability_ranges WHERE instructor_id = ${id}`);
  await tx.execute(sql`DELETE FROM blackout_dates WHERE instructor_id = ${id}`);
  await tx.execute(sql`DELETE FROM instructor_areas WHERE instructor_id = ${id}`);
  // Past lessons stay as business records (the other person's history and stats); what the
  // student wrote into them goes.
  await tx.execute(sql`UPDATE bookings SET student_address = NULL, note = NULL WHERE student_id = ${id}`);
  // Reviews keep their stars (the instructor's rating must not move); the words written by or about
  // the person go.
  await tx.execute(sql`UPDATE reviews SET text = NULL WHERE reviewer_id = ${id}`);
  await tx.execute(sql`UPDATE reviews SET reply_text = NULL WHERE instructor_id = ${id}`);
  await tx.execute(
    sql`UPDATE student_feedback SET text = NULL
        WHERE instructor_id = ${id} OR booking_id IN (SELECT id FROM bookings WHERE student_id = ${id})`,
  );
  await tx.execute(sql`UPDATE messages SET body = '[deleted]' WHERE sender_id = ${id}`);
  await tx.execute(sql`DELETE FROM message_reports WHERE reporter_id = ${id}`);
  await tx.execute(sql`DELETE FROM user_blocks WHERE blocker_id = ${id} OR blocked_id = ${id}`);
  await tx.execute(sql`DELETE FROM email_outbox WHERE lower(to_address) = lower(${oldEmail})`);
  for (const name of names.filter((n) => n.trim().length >= 2)) {
    await tx.execute(
      sql`UPDATE email_outbox SET text_body = replace(text_body, ${name}, ${DELETED_NAME}),
            subject = replace(subject, ${name}, ${DELETED_NAME})
          WHERE strpos(text_body, ${name}) > 0 OR strpos(subject, ${name}) > 0`,
    );
  }
}
