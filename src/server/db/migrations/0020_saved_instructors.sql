-- Saved instructors (issue 17): a student's shortlist. One row per (student, instructor); saving
-- twice is a no-op on the primary key. Both sides cascade if a users row is ever hard-deleted;
-- account erasure (which keeps the users row) deletes the rows itself.
CREATE TABLE "saved_instructors" (
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE cascade,
	"instructor_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE cascade,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_instructors_pkey" PRIMARY KEY ("user_id", "instructor_id"),
	CONSTRAINT "saved_instructors_not_self_check" CHECK ("user_id" <> "instructor_id")
);
--> statement-breakpoint
CREATE INDEX "saved_instructors_instructor_idx" ON "saved_instructors" ("instructor_id");
