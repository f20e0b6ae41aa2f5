CREATE TABLE "audit_chain_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"seq" bigint DEFAULT 0 NOT NULL,
	"hash" varchar(64) DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certificate_counters" (
	"county" char(6) NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "certificate_counters_county_year_pk" PRIMARY KEY("county","year")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "org_path" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "region_code" varchar(12);--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" varchar(64);--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" varchar(64);--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "id" serial NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "ip" varchar(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "user_agent" varchar(200) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "failed_logins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_idx" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_id_idx" ON "sessions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");
--> statement-breakpoint
-- custom (audit_chain)
-- The head of the chain: one row, locked by every append (SELECT … FOR UPDATE), so appends are serialised.
INSERT INTO "audit_chain_head" ("id", "seq", "hash") VALUES (1, 0, '') ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Rows written before the chain: their scope from the record (a body, a member's body) or else the actor's body.
-- Their hashes are computed at the next start (AuditService.chainLegacy), in TypeScript like every other row.
UPDATE "audit_log" a SET "org_path" = o."path" FROM "orgs" o WHERE a."entity" = 'org' AND o."id" = a."entity_id";
--> statement-breakpoint
UPDATE "audit_log" a SET "org_path" = o."path" FROM "members" m JOIN "orgs" o ON o."id" = m."org_id"
  WHERE a."entity" = 'member' AND m."id" = a."entity_id" AND a."org_path" IS NULL;
--> statement-breakpoint
UPDATE "audit_log" a SET "org_path" = o."path" FROM "users" u JOIN "orgs" o ON o."id" = u."org_id"
  WHERE u."id" = a."user_id" AND a."org_path" IS NULL;
--> statement-breakpoint
CREATE INDEX "audit_log_unchained_idx" ON "audit_log" ("id") WHERE "hash" IS NULL;
--> statement-breakpoint
-- Append-only: a chained row never changes and no row is ever deleted. The one update allowed is the start-up step
-- linking a row written before the chain (hash, prev_hash and seq set once, nothing else touched).
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."hash" IS NULL AND NEW."hash" IS NOT NULL AND NEW."seq" IS NOT NULL
     AND NEW."id" = OLD."id" AND NEW."entity" = OLD."entity" AND NEW."entity_id" = OLD."entity_id"
     AND NEW."user_id" = OLD."user_id" AND NEW."user_name" = OLD."user_name" AND NEW."action" = OLD."action"
     AND NEW."before" IS NOT DISTINCT FROM OLD."before" AND NEW."after" IS NOT DISTINCT FROM OLD."after"
     AND NEW."at" = OLD."at" AND NEW."org_path" IS NOT DISTINCT FROM OLD."org_path"
     AND NEW."region_code" IS NOT DISTINCT FROM OLD."region_code" THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- custom (accounts)
-- Sessions made before this migration stored the cookie's token itself: keep them valid by storing its sha256.
UPDATE "sessions" SET "token" = encode(sha256(convert_to("token", 'UTF8')), 'hex');
--> statement-breakpoint
-- custom (certificate_counters)
-- Numbers issued twice before issue 9 (count + 1 under concurrency): the first procedure keeps its number, the
-- others get the next free numbers of their county and year.
WITH issued AS (
	SELECT id, substr(village_code, 1, 6) AS county, year, substring(certificate_no from '-(\d+)$')::int AS no,
	       row_number() OVER (PARTITION BY certificate_no ORDER BY id) AS dup
	FROM procedures WHERE certificate_no IS NOT NULL AND year IS NOT NULL
), top AS (
	SELECT county, year, max(no) AS last FROM issued GROUP BY county, year
), renumbered AS (
	SELECT i.id, i.county, i.year, t.last + row_number() OVER (PARTITION BY i.county, i.year ORDER BY i.id) AS no
	FROM issued i JOIN top t ON t.county = i.county AND t.year = i.year WHERE i.dup > 1
)
UPDATE procedures p SET certificate_no = r.county || '-' || r.year || '-' || lpad(r.no::text, greatest(5, length(r.no::text)), '0')
FROM renumbered r WHERE p.id = r.id;
--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_certificate_no" ON "procedures" USING btree ("certificate_no");
--> statement-breakpoint
INSERT INTO certificate_counters (county, year, last)
SELECT substr(village_code, 1, 6), year, max(substring(certificate_no from '-(\d+)$')::int)
FROM procedures WHERE certificate_no IS NOT NULL AND year IS NOT NULL GROUP BY 1, 2;
