-- Richer profiles (issue 13 item 5): the languages an instructor teaches in (ISO 639-1 codes
-- from the fixed list in src/contracts/languages.ts) and, per offering, what a first lesson looks
-- like. Existing rows get an empty list and an empty text, which the app shows as "not written".
ALTER TABLE "instructor_profiles" ADD COLUMN "languages" text[] DEFAULT '{}' NOT NULL;
--> statement-breakpoint
ALTER TABLE "instructor_profiles" ADD CONSTRAINT "instructor_profiles_languages_check" CHECK (cardinality("languages") <= 8);
--> statement-breakpoint
ALTER TABLE "instructor_services" ADD COLUMN "first_lesson" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "instructor_services" ADD CONSTRAINT "instructor_services_first_lesson_check" CHECK (char_length("first_lesson") <= 1000);
