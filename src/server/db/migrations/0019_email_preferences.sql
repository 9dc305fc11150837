-- Email preferences (issue 15 item 6): which optional emails a person wants. No row means every
-- category is on; booking confirmations, cancellations, reschedules and account mail always go.
-- email_outbox.headers: extra message headers (List-Unsubscribe...) the relay sends with the row.
CREATE TABLE "email_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"new_messages" boolean DEFAULT true NOT NULL,
	"lesson_reminders" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "headers" jsonb;
