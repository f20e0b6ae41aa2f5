CREATE TABLE "certificate_counters" (
	"county" char(6) NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "certificate_counters_county_year_pk" PRIMARY KEY("county","year")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "id" serial NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "ip" varchar(64) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "user_agent" varchar(200) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "failed_logins" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "disabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_id_idx" ON "sessions" USING btree ("id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");
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
