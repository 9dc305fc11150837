-- Mail and calendar files (issue 15 item 6). calendar_sequence is the lesson's iCalendar SEQUENCE:
-- raised by every reschedule and cancellation, read by both the emails and the download, so a
-- calendar app always takes the newest file as the update. html_body: the HTML alternative of an
-- email, stored beside its text so the outbox still holds the whole message it will send.
ALTER TABLE "bookings" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "html_body" text;
