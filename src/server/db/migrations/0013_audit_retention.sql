-- The admin audit log (issue 14): every admin action, who, whom, when and why, written in the
-- action's own transaction. Plus the indexes the retention job's purges walk.
CREATE TABLE "admin_audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
	"actor_id" uuid NOT NULL REFERENCES "users"("id"),
	"action" text NOT NULL,
	"target_user_id" uuid REFERENCES "users"("id"),
	"target_type" text NOT NULL,
	"target_id" text,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admin_audit_log_target_type_check" CHECK ("target_type" in ('user', 'message', 'review', 'analytics_report'))
);
--> statement-breakpoint
CREATE INDEX "admin_audit_log_seq_idx" ON "admin_audit_log" ("seq");
--> statement-breakpoint
CREATE INDEX "admin_audit_log_actor_idx" ON "admin_audit_log" ("actor_id", "seq");
--> statement-breakpoint
CREATE INDEX "admin_audit_log_target_idx" ON "admin_audit_log" ("target_user_id", "seq");
--> statement-breakpoint
CREATE INDEX "admin_audit_log_action_idx" ON "admin_audit_log" ("action", "seq");
--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" ("expires_at");
--> statement-breakpoint
CREATE INDEX "password_reset_tokens_expires_idx" ON "password_reset_tokens" ("expires_at");
--> statement-breakpoint
CREATE INDEX "search_history_deleted_idx" ON "search_history" ("deleted_at") WHERE "deleted_at" IS NOT NULL;
