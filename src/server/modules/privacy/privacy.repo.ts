import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/client.js';
import { escapeHtml } from '../../platform/mail/email-layout.js';

// The one place that reads and erases one person's rows across every domain's tables: a data
// export and an erasure must be complete, and a list per table here is what keeps them so
// (docs/decisions: privacy reads across domains). Secrets (password, token and IP hashes) never leave.

type Row = Record<string, unknown>;

/** One part of the export: a single object (or null), a list of names, or rows read in batches. */
export interface ExportSection {
  name: string;
  kind: 'object' | 'names' | 'rows';
  /** For `rows`, ordered by a unique key so batches neither skip nor repeat a row. */
  query: (id: string, now: string) => SQL;
}

const section = (
  name: string,
  kind: ExportSection['kind'],
  query: ExportSection['query'],
): ExportSection => ({
  name,
  kind,
  query,
});

/** Every table that holds a person's rows, each keyed by their id; the export's order. */
export const EXPORT_SECTIONS: ExportSection[] = [
  section(
    'profile',
    'object',
    (id) => sql`SELECT id, email, full_name, timezone, account_status, status_changed_at, email_verified_at,
                       created_at, updated_at
                FROM users WHERE id = ${id}`,
  ),
  section(
    'roles',
    'names',
    (id) =>
      sql`SELECT r.name FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ${id} ORDER BY r.name`,
  ),
  section(
    'permissionOverrides',
    'rows',
    (id) => sql`SELECT p.name, up.granted, up.created_at FROM user_permissions up
                JOIN permissions p ON p.id = up.permission_id WHERE up.user_id = ${id} ORDER BY p.name`,
  ),
  section(
    'instructorProfile',
    'object',
    (id) => sql`SELECT * FROM instructor_profiles WHERE user_id = ${id}`,
  ),
  section(
    'instructorAreas',
    'rows',
    (id) =>
      sql`SELECT * FROM instructor_areas WHERE instructor_id = ${id} ORDER BY borough_slug, neighborhood_slug`,
  ),
  section(
    'instructorServices',
    'rows',
    (id) => sql`SELECT * FROM instructor_services WHERE instructor_id = ${id} ORDER BY created_at, id`,
  ),
  section(
    'availability',
    'rows',
    (id) => sql`SELECT * FROM availability_ranges WHERE instructor_id = ${id} ORDER BY date, id`,
  ),
  section(
    'blackoutDates',
    'rows',
    (id) => sql`SELECT * FROM blackout_dates WHERE instructor_id = ${id} ORDER BY date`,
  ),
  section(
    'bookingsAsStudent',
    'rows',
    (id) => sql`SELECT * FROM bookings WHERE student_id = ${id} ORDER BY starts_at, id`,
  ),
  // The other person appears by id only: their name and contact are theirs, not mine.
  section(
    'bookingsAsInstructor',
    'rows',
    (id) => sql`SELECT id, student_id, instructor_service_id, service_name, service_slug, hourly_rate_cents,
                       price_cents, duration_minutes, starts_at, ends_at, location_type, status,
                       cancellation_fee_cents, cancelled_by, cancelled_at, completed_at, created_at
                FROM bookings WHERE instructor_id = ${id} ORDER BY starts_at, id`,
  ),
  section(
    'bookingHistory',
    'rows',
    (id) => sql`SELECT h.* FROM booking_history h JOIN bookings b ON b.id = h.booking_id
                WHERE b.student_id = ${id} OR b.instructor_id = ${id} ORDER BY h.created_at, h.id`,
  ),
  section(
    'bookingTimeProposals',
    'rows',
    (id) => sql`SELECT p.* FROM booking_time_proposals p JOIN bookings b ON b.id = p.booking_id
                WHERE b.student_id = ${id} OR b.instructor_id = ${id} ORDER BY p.created_at, p.id`,
  ),
  section(
    'reviewsWritten',
    'rows',
    (id) => sql`SELECT id, booking_id, instructor_id, rating, text, tags, created_at, hidden_at
                FROM reviews WHERE reviewer_id = ${id} ORDER BY created_at, id`,
  ),
  // Only once published: a review is kept from its instructor until both sides wrote or the window shut.
  section(
    'reviewsReceived',
    'rows',
    (id, now) => sql`SELECT id, booking_id, rating, text, tags, reply_text, replied_at, created_at
                FROM reviews WHERE instructor_id = ${id} AND hidden_at IS NULL AND visible_at <= ${now}::timestamptz
                ORDER BY created_at, id`,
  ),
  section(
    'savedInstructors',
    'rows',
    (id) => sql`SELECT instructor_id, saved_at FROM saved_instructors WHERE user_id = ${id}
                ORDER BY saved_at, instructor_id`,
  ),
  section(
    'searchHistory',
    'rows',
    (
      id,
    ) => sql`SELECT id, query, normalized_query, search_type, search_count, result_count, first_searched_at,
                       last_searched_at, deleted_at FROM search_history WHERE user_id = ${id}
                ORDER BY first_searched_at, id`,
  ),
  section(
    'searchEvents',
    'rows',
    (id) => sql`SELECT id, query, search_type, interpretation, parsed, result_count, device_type, browser, os,
                       referrer, created_at FROM search_events WHERE user_id = ${id} ORDER BY created_at, id`,
  ),
  section(
    'searchInteractions',
    'rows',
    (id) => sql`SELECT id, search_event_id, kind, instructor_service_id, position, created_at
                FROM search_interactions WHERE user_id = ${id} ORDER BY created_at, id`,
  ),
  section(
    'conversations',
    'rows',
    (id) => sql`SELECT id, student_id, instructor_id, created_at, last_message_at FROM conversations
                WHERE student_id = ${id} OR instructor_id = ${id} ORDER BY created_at, id`,
  ),
  section(
    'messages',
    'rows',
    (
      id,
    ) => sql`SELECT m.id, m.conversation_id, (m.sender_id = ${id}) AS "fromMe", m.body, m.sent_at, m.read_at
                FROM messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE (c.student_id = ${id} OR c.instructor_id = ${id})
                  AND (m.sender_id = ${id} OR m.hidden_at IS NULL)
                ORDER BY m.seq`,
  ),
  section(
    'events',
    'rows',
    (id) =>
      sql`SELECT id::text AS id, type, data, created_at FROM user_events WHERE user_id = ${id} ORDER BY user_events.id`,
  ),
  section(
    'emailPreferences',
    'object',
    (id) =>
      sql`SELECT new_messages, lesson_reminders, updated_at FROM email_preferences WHERE user_id = ${id}`,
  ),
  section(
    'sessions',
    'rows',
    (id) => sql`SELECT id, created_at, expires_at, revoked_at, user_agent FROM sessions WHERE user_id = ${id}
                ORDER BY created_at, id`,
  ),
];

const BATCH = 500;

/**
 * A section's rows a batch at a time, so a long history is never held whole. An `object` or
 * `names` section is one small query.
 */
export async function* sectionBatches(
  db: Db,
  s: ExportSection,
  id: string,
  now: Date,
): AsyncGenerator<Row[]> {
  const at = now.toISOString();
  if (s.kind !== 'rows') {
    yield await rowsOf<Row>(db, s.query(id, at));
    return;
  }
  for (let offset = 0; ; offset += BATCH) {
    const rows = await rowsOf<Row>(db, sql`${s.query(id, at)} LIMIT ${BATCH} OFFSET ${offset}`);
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
  }
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
  await tx.execute(sql`DELETE FROM email_verification_tokens WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM search_interactions WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM search_events WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM search_history WHERE user_id = ${id}`);
  // Their own list goes, and they leave everyone else's.
  await tx.execute(sql`DELETE FROM saved_instructors WHERE user_id = ${id} OR instructor_id = ${id}`);
  await tx.execute(sql`DELETE FROM user_events WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM user_permissions WHERE user_id = ${id}`);
  await tx.execute(sql`DELETE FROM email_preferences WHERE user_id = ${id}`);
  await tx.execute(
    sql`UPDATE instructor_profiles SET bio = '', address = NULL, online_link = NULL, languages = '{}' WHERE user_id = ${id}`,
  );
  await tx.execute(
    sql`UPDATE instructor_services SET active = false, description = '', first_lesson = '' WHERE instructor_id = ${id}`,
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
      // The HTML part says the same as the text (escaped) and a calendar file names both people
      // (folded, so a name may be split): both go wherever the text names the person.
      sql`UPDATE email_outbox SET text_body = replace(text_body, ${name}, ${DELETED_NAME}),
            subject = replace(subject, ${name}, ${DELETED_NAME}),
            html_body = NULL, attachments = NULL
          WHERE strpos(text_body, ${name}) > 0 OR strpos(subject, ${name}) > 0
             OR strpos(coalesce(html_body, ''), ${escapeHtml(name)}) > 0`,
    );
  }
}
