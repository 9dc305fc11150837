-- No person ever has two overlapping lessons, as teacher (range widened by the buffer) or as
-- student. The database, not a read-then-write check, is what guarantees it.
ALTER TABLE booking_participants
  ADD CONSTRAINT booking_participants_no_overlap
  EXCLUDE USING gist (user_id WITH =, blocked WITH &&);
--> statement-breakpoint
ALTER TABLE booking_participants
  ADD CONSTRAINT booking_participants_role_check CHECK (role IN ('student', 'instructor'));
--> statement-breakpoint
ALTER TABLE booking_participants
  ADD CONSTRAINT booking_participants_range_check CHECK (NOT isempty(blocked) AND NOT lower_inf(blocked) AND NOT upper_inf(blocked));
--> statement-breakpoint
CREATE INDEX booking_participants_user_idx ON booking_participants (user_id);
