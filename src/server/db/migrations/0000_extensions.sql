-- Exclusion constraints over time ranges need btree_gist; fuzzy catalog matching uses pg_trgm.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
