-- An instructor proposes another start time for a confirmed lesson; the student accepts
-- (the lesson moves) or declines. At most one open proposal per lesson (decision 0036).
CREATE TABLE booking_time_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  booking_id uuid NOT NULL REFERENCES bookings(id) ON DELETE CASCADE,
  proposed_by uuid REFERENCES users(id) ON DELETE SET NULL,
  starts_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'accepted', 'declined', 'withdrawn', 'replaced', 'expired', 'void')),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
--> statement-breakpoint
CREATE UNIQUE INDEX booking_time_proposals_one_open ON booking_time_proposals (booking_id) WHERE status = 'open';
--> statement-breakpoint
CREATE INDEX booking_time_proposals_booking_idx ON booking_time_proposals (booking_id);
