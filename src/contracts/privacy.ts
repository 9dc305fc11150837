// What the privacy routes take and answer (GDPR articles 15, 17 and 20; PRODUCT §7).
import { z } from 'zod';
import { text } from './primitives.js';

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** The account's password, so a borrowed session cannot erase the account. */
export const deleteAccountBody = z.strictObject({ password: z.string().min(1).max(200) });

/** An admin's erasure: why (kept in the audit log), and whether to cancel an instructor's lessons. */
export const adminDeleteAccountBody = z.strictObject({
  reason: text({ min: 1, max: 500, multiline: true }),
  /** Cancel the instructor's upcoming lessons without fee (students told) instead of refusing 409. */
  force: z.boolean().default(false),
});
export type AdminDeleteAccountInput = z.infer<typeof adminDeleteAccountBody>;

// ── Answers ─────────────────────────────────────────────────────────────────────────────────

const rows = z.array(z.record(z.string(), z.unknown()));

export const privacyExport = z
  .object({
    /** ISO-8601 instant. */
    exportedAt: z.string(),
    profile: z.record(z.string(), z.unknown()),
    roles: z.array(z.string()),
    permissionOverrides: rows,
    instructorProfile: z.record(z.string(), z.unknown()).nullable(),
    instructorAreas: rows,
    instructorServices: rows,
    availability: rows,
    blackoutDates: rows,
    bookingsAsStudent: rows,
    bookingsAsInstructor: rows,
    /** What happened to those lessons: booked, rescheduled, cancelled... */
    bookingHistory: rows,
    /** New times proposed for those lessons, and what became of them. */
    bookingTimeProposals: rows,
    reviewsWritten: rows,
    /** Published reviews of my teaching, with my replies. */
    reviewsReceived: rows,
    /** Instructors I saved, and when. */
    savedInstructors: rows,
    searchHistory: rows,
    searchEvents: rows,
    searchInteractions: rows,
    conversations: rows,
    /** Messages I sent and received in my conversations; `fromMe` tells which. */
    messages: rows,
    /** My live-update events (new message, read) as the event stream replays them. */
    events: rows,
    /** Which optional emails I get; null while I never changed them (all on). */
    emailPreferences: z.record(z.string(), z.unknown()).nullable(),
    sessions: rows,
  })
  .strict()
  .describe('Everything the platform holds about me, as one file (streamed, section by section).');
export type PrivacyExport = z.infer<typeof privacyExport>;

export const accountDeleted = z
  .object({
    deleted: z.literal(true),
    /** Upcoming lessons cancelled without a fee; the other person was told. */
    cancelledLessons: z.int().min(0),
  })
  .describe('The account is erased: signed out everywhere, no longer able to sign in.');
export type AccountDeleted = z.infer<typeof accountDeleted>;
