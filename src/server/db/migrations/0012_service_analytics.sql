-- Per-service demand, recomputed by the service-analytics job (issue 14): search ranking and the
-- homepage's top services read it. No personal data: counts and prices per catalog service.
CREATE TABLE "service_analytics" (
	"service_id" uuid PRIMARY KEY NOT NULL REFERENCES "services"("id") ON DELETE CASCADE,
	"searches_7d" integer NOT NULL,
	"searches_30d" integer NOT NULL,
	"bookings_7d" integer NOT NULL,
	"bookings_30d" integer NOT NULL,
	"price_p25_cents" integer,
	"price_median_cents" integer,
	"price_p75_cents" integer,
	"most_booked_duration" integer,
	"active_instructors" integer NOT NULL,
	"demand_score" double precision NOT NULL,
	"trending" boolean NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
