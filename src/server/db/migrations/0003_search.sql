CREATE TABLE "search_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"guest_session_id" text,
	"query" text NOT NULL,
	"normalized_query" text NOT NULL,
	"search_type" text NOT NULL,
	"interpretation" text,
	"parsed" jsonb,
	"result_count" integer NOT NULL,
	"latency_ms" integer,
	"device_type" text,
	"browser" text,
	"os" text,
	"referrer" text,
	"session_id" text,
	"ip_hash" text,
	"is_returning_user" boolean DEFAULT false NOT NULL,
	"client_context" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"guest_session_id" text,
	"query" text NOT NULL,
	"normalized_query" text NOT NULL,
	"search_type" text NOT NULL,
	"search_count" integer DEFAULT 1 NOT NULL,
	"result_count" integer,
	"first_searched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_searched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"converted_at" timestamp with time zone,
	CONSTRAINT "search_history_owner_check" CHECK (("search_history"."user_id" IS NULL) <> ("search_history"."guest_session_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "search_interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"search_event_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"instructor_service_id" uuid,
	"instructor_id" uuid,
	"position" integer,
	"time_to_interaction_ms" integer,
	"user_id" uuid,
	"guest_session_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_interactions_kind_check" CHECK ("search_interactions"."kind" in ('view', 'click', 'book'))
);
--> statement-breakpoint
ALTER TABLE "search_events" ADD CONSTRAINT "search_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_history" ADD CONSTRAINT "search_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_interactions" ADD CONSTRAINT "search_interactions_search_event_id_search_events_id_fk" FOREIGN KEY ("search_event_id") REFERENCES "public"."search_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_interactions" ADD CONSTRAINT "search_interactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_events_created_idx" ON "search_events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "search_events_user_idx" ON "search_events" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "search_history_user_query_key" ON "search_history" USING btree ("user_id","normalized_query") WHERE "search_history"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "search_history_guest_query_key" ON "search_history" USING btree ("guest_session_id","normalized_query") WHERE "search_history"."guest_session_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "search_history_user_recent_idx" ON "search_history" USING btree ("user_id","last_searched_at");--> statement-breakpoint
CREATE INDEX "search_history_guest_recent_idx" ON "search_history" USING btree ("guest_session_id","last_searched_at");--> statement-breakpoint
CREATE INDEX "search_interactions_event_idx" ON "search_interactions" USING btree ("search_event_id");