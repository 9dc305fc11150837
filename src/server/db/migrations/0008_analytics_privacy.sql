-- Search analytics and privacy (issue 14). Reports aggregate search events by time window, by
-- searcher and by zero results; unmet demand needs to know whether a search showed anything
-- bookable, and search → booking which offerings it showed.
ALTER TABLE "search_events" ADD COLUMN "bookable_count" integer;
--> statement-breakpoint
ALTER TABLE "search_events" ADD COLUMN "shown_offering_ids" uuid[];
--> statement-breakpoint
CREATE INDEX "search_events_user_created_idx" ON "search_events" USING btree ("user_id","created_at") WHERE "user_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "search_events_guest_created_idx" ON "search_events" USING btree ("guest_session_id","created_at") WHERE "guest_session_id" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "search_events_unmet_created_idx" ON "search_events" USING btree ("created_at") WHERE "result_count" = 0 OR "bookable_count" = 0;
--> statement-breakpoint
CREATE INDEX "search_interactions_created_idx" ON "search_interactions" USING btree ("created_at");
--> statement-breakpoint
CREATE INDEX "bookings_created_idx" ON "bookings" USING btree ("created_at");
--> statement-breakpoint
CREATE INDEX "search_history_converted_idx" ON "search_history" USING btree ("converted_at") WHERE "converted_at" IS NOT NULL;
--> statement-breakpoint
-- An erased account keeps its row (bookings reference it) but nothing personal; the moment it
-- was erased tells every reader to show "Deleted user".
ALTER TABLE "users" ADD COLUMN "deleted_at" timestamp with time zone;
