-- Profile photos (issue 13): the content-hashed key of the instructor's photo in photo storage
-- (platform/storage); null = none, the client draws a placeholder. The bytes never live in SQL.
ALTER TABLE "instructor_profiles" ADD COLUMN "photo_key" text;
--> statement-breakpoint
ALTER TABLE "instructor_profiles" ADD CONSTRAINT "instructor_profiles_photo_key_check" CHECK ("photo_key" ~ '^[0-9a-f]{32}$');
