CREATE TABLE "certificate_counters" (
	"county" char(6) NOT NULL,
	"year" smallint NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "certificate_counters_county_year_pk" PRIMARY KEY("county","year")
);
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
