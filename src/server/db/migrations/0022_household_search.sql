-- custom (household_search)
-- Issue 13: the household list and search must not grow with the registry. Indexes only (no table changes), so the
-- objects are not declared in the schema files (households and persons name them in their comments).
-- pg_trgm: PostgreSQL ships it (contrib); PGlite is opened with it loaded (connection.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- A part of an ID number (6–17 characters, or the last 4 for a masked role) and a part of a name (3 characters or
-- more; a whole or leading name of 1–2 characters through the padded trigrams), whatever the region.
-- id_number is char(18): pg_trgm has no bpchar operator class, so the index is on its text.
CREATE INDEX IF NOT EXISTS "persons_id_number_trgm" ON "persons" USING gin (("id_number"::text) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "persons_name_trgm" ON "persons" USING gin ("name" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "households_number_trgm" ON "households" USING gin ("number" gin_trgm_ops);
--> statement-breakpoint
-- The list of one status under a region, in (village_code, number) order: a keyset walk that reads only the page.
CREATE INDEX IF NOT EXISTS "households_status_village_number" ON "households" USING btree ("status", "village_code", "number");
