CREATE TABLE "ledger_member_counts" (
	"org_id" integer NOT NULL,
	"serving_until" date NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_member_counts_org_id_serving_until_pk" PRIMARY KEY("org_id","serving_until")
);
--> statement-breakpoint
CREATE TABLE "ledger_participation" (
	"org_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"prev_year" smallint NOT NULL,
	"serving_until" date NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_participation_org_id_year_prev_year_serving_until_pk" PRIMARY KEY("org_id","year","prev_year","serving_until")
);
--> statement-breakpoint
-- custom (ledger_participation)
-- 委员参与情况 maintained per body subtree, like ledger_totals: the summary reads a few rows of one body instead of
-- probing member_year_totals once per member of the subtree. A member serves on a day d iff serving_until > d
-- (src/domain/ledger/member-serves.ts: normal → always; marked unable → before unable_from; unable without a date →
-- never).
CREATE OR REPLACE FUNCTION ledger_serving_until(p_status text, p_unable_from date) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_status = 'normal' THEN 'infinity'::date WHEN p_unable_from IS NOT NULL THEN p_unable_from ELSE '-infinity'::date END
$$;
--> statement-breakpoint
-- Adds p_sign × one member, as it stands in member_year_totals, to its body p_org and every body above it, under
-- p_until: 1 to the member counts, and each of its years of taking part with the previous one (0 for the first).
CREATE OR REPLACE FUNCTION ledger_member_place(p_member integer, p_org integer, p_until date, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  ancestors integer[];
BEGIN
  SELECT string_to_array(trim(both '/' from "path"), '/')::integer[] INTO ancestors FROM "orgs" WHERE "id" = p_org;
  IF ancestors IS NULL OR cardinality(ancestors) = 0 THEN RETURN; END IF;
  INSERT INTO "ledger_member_counts" AS c ("org_id", "serving_until", "members")
    SELECT a, p_until, p_sign FROM unnest(ancestors) AS a ORDER BY 1
    ON CONFLICT ("org_id", "serving_until") DO UPDATE SET "members" = c."members" + excluded."members";
  INSERT INTO "ledger_participation" AS p ("org_id", "year", "prev_year", "serving_until", "members")
    SELECT a, y."year", y."prev_year", p_until, p_sign
    FROM unnest(ancestors) AS a,
      (SELECT "year", coalesce(lag("year") OVER (ORDER BY "year"), 0) AS "prev_year"
       FROM "member_year_totals" WHERE "member_id" = p_member AND "entries" > 0) y
    ORDER BY 1, 2, 3
    ON CONFLICT ("org_id", "year", "prev_year", "serving_until") DO UPDATE SET "members" = p."members" + excluded."members";
END $$;
--> statement-breakpoint
-- A member created, deleted, moved to another body or marked (un)able: taken out where it was, put in where it is.
CREATE OR REPLACE FUNCTION ledger_members_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM ledger_member_place(OLD."id", OLD."org_id", ledger_serving_until(OLD."status", OLD."unable_from"), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM ledger_member_place(NEW."id", NEW."org_id", ledger_serving_until(NEW."status", NEW."unable_from"), 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_members_maintain AFTER INSERT OR DELETE ON "members"
  FOR EACH ROW EXECUTE FUNCTION ledger_members_maintain();
--> statement-breakpoint
CREATE TRIGGER ledger_members_maintain_update AFTER UPDATE OF "id", "org_id", "status", "unable_from" ON "members"
  FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id" OR OLD."org_id" IS DISTINCT FROM NEW."org_id"
    OR ledger_serving_until(OLD."status", OLD."unable_from") IS DISTINCT FROM ledger_serving_until(NEW."status", NEW."unable_from"))
  EXECUTE FUNCTION ledger_members_maintain();
--> statement-breakpoint
-- Members whose count of a year went 0 ↔ ≥ 1 (p_active: taking part that year now): their (year, previous year)
-- pairs are recomputed before → after and the difference is added to their body and every body above it. The state
-- before is the state after with the flips undone, so one statement's flips are handled together (a bulk insert into
-- an empty table builds everything). One statement never both inserts and updates rows of the same member
-- (applyMemberTotals writes one row a statement): INSERT … ON CONFLICT fires the insert and the update trigger apart.
CREATE OR REPLACE FUNCTION ledger_participation_shift(p_members integer[], p_years integer[], p_active boolean[]) RETURNS void LANGUAGE sql AS $$
  WITH flipped AS (
    SELECT * FROM unnest(p_members, p_years, p_active) AS f("member_id", "year", "active")
  ), after_years AS (
    SELECT t."member_id", t."year"::integer AS "year" FROM "member_year_totals" t
    WHERE t."member_id" IN (SELECT "member_id" FROM flipped) AND t."entries" > 0
  ), before_years AS (
    (SELECT "member_id", "year" FROM after_years EXCEPT SELECT "member_id", "year" FROM flipped WHERE "active")
    UNION SELECT "member_id", "year" FROM flipped WHERE NOT "active"
  ), pairs AS (
    SELECT "member_id", "year", coalesce(lag("year") OVER (PARTITION BY "member_id" ORDER BY "year"), 0) AS "prev_year", 1 AS d FROM after_years
    UNION ALL
    SELECT "member_id", "year", coalesce(lag("year") OVER (PARTITION BY "member_id" ORDER BY "year"), 0), -1 FROM before_years
  ), delta AS (
    SELECT "member_id", "year", "prev_year", sum(d) AS d FROM pairs GROUP BY "member_id", "year", "prev_year" HAVING sum(d) <> 0
  )
  INSERT INTO "ledger_participation" AS p ("org_id", "year", "prev_year", "serving_until", "members")
  SELECT a."id", x."year", x."prev_year", x."until", sum(x.d)
  FROM (
    SELECT delta.*, ledger_serving_until(m."status", m."unable_from") AS "until", o."path"
    FROM delta JOIN "members" m ON m."id" = delta."member_id" JOIN "orgs" o ON o."id" = m."org_id"
  ) x CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from x."path"), '/')::integer[]) AS a("id")
  GROUP BY a."id", x."year", x."prev_year", x."until"
  HAVING sum(x.d) <> 0
  ORDER BY 1, 2, 3, 4 -- rows locked in one order: concurrent writers wait for each other rather than deadlock
  ON CONFLICT ("org_id", "year", "prev_year", "serving_until") DO UPDATE SET "members" = p."members" + excluded."members"
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ledger_participation_maintain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM ledger_participation_shift(array_agg("member_id"), array_agg("year"::integer), array_agg(true))
      FROM new_rows WHERE "entries" > 0 HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM ledger_participation_shift(array_agg("member_id"), array_agg("year"::integer), array_agg(false))
      FROM old_rows WHERE "entries" > 0 HAVING count(*) > 0;
  ELSE
    -- Keys may change too: a row is then a year left (old key) and a year entered (new key).
    PERFORM ledger_participation_shift(array_agg(k."member_id"), array_agg(k."year"), array_agg(k."active"))
      FROM (
        SELECT o."member_id", o."year"::integer AS "year", false AS "active" FROM old_rows o WHERE o."entries" > 0
          AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n."member_id" = o."member_id" AND n."year" = o."year" AND n."entries" > 0)
        UNION ALL
        SELECT n."member_id", n."year"::integer, true FROM new_rows n WHERE n."entries" > 0
          AND NOT EXISTS (SELECT 1 FROM old_rows o WHERE o."member_id" = n."member_id" AND o."year" = n."year" AND o."entries" > 0)
      ) k HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_participation_insert AFTER INSERT ON "member_year_totals" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_participation_maintain();
--> statement-breakpoint
CREATE TRIGGER ledger_participation_update AFTER UPDATE ON "member_year_totals" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_participation_maintain();
--> statement-breakpoint
CREATE TRIGGER ledger_participation_delete AFTER DELETE ON "member_year_totals" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_participation_maintain();
--> statement-breakpoint
-- The figures of a database that has entries already.
INSERT INTO "ledger_member_counts" ("org_id", "serving_until", "members")
SELECT a."id", ledger_serving_until(m."status", m."unable_from"), count(*)
FROM "members" m JOIN "orgs" o ON o."id" = m."org_id"
  CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from o."path"), '/')::integer[]) AS a("id")
GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO "ledger_participation" ("org_id", "year", "prev_year", "serving_until", "members")
SELECT a."id", y."year", y."prev_year", ledger_serving_until(m."status", m."unable_from"), count(*)
FROM (
  SELECT "member_id", "year", coalesce(lag("year") OVER (PARTITION BY "member_id" ORDER BY "year"), 0) AS "prev_year"
  FROM "member_year_totals" WHERE "entries" > 0
) y JOIN "members" m ON m."id" = y."member_id" JOIN "orgs" o ON o."id" = m."org_id"
  CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from o."path"), '/')::integer[]) AS a("id")
GROUP BY 1, 2, 3, 4;
