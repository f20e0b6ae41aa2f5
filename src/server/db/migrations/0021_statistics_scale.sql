CREATE TABLE "registry_village_rollup" (
	"region" varchar(9) NOT NULL,
	"dim" varchar(20) NOT NULL,
	"key" smallint NOT NULL,
	"villages" integer DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "registry_village_rollup_region_dim_key_pk" PRIMARY KEY("region","dim","key")
);
--> statement-breakpoint
ALTER TABLE "registry_rollup" ALTER COLUMN "region" SET DATA TYPE varchar(9);--> statement-breakpoint
-- custom (village rollup fill)
-- The villages' statistics of the rows already there, once: the sums of `profileFigures` and `yearFigures`
-- (src/domain/registry/village-figures.ts) per region key; test/api/statistics-scale.test.ts checks that this
-- equals the rebuild of `taizhang recompute`. Writes keep it from then on.
INSERT INTO "registry_village_rollup" ("region", "dim", "key", "villages", "amount")
SELECT r.region, f.dim, f.key, sum(f.villages)::int, sum(f.amount)::bigint
FROM (
  SELECT region_code, 'poor' AS dim, identified_year::int AS key, 1 AS villages, 0::bigint AS amount FROM village_profiles WHERE poor_village AND identified_year IS NOT NULL
  UNION ALL SELECT region_code, 'exited', exit_year, 1, 0 FROM village_profiles WHERE poor_village AND exited AND exit_year IS NOT NULL
  UNION ALL SELECT region_code, 'population', 0, 1, certified_population FROM village_profiles WHERE certified_population IS NOT NULL
  UNION ALL SELECT region_code, 'reported', year, 1, 0 FROM village_year_figures
  UNION ALL SELECT region_code, 'collectiveIncome', year, 1, collective_income FROM village_year_figures WHERE collective_income IS NOT NULL
  UNION ALL SELECT region_code, 'plannedHouseholds', year, 1, planned_households FROM village_year_figures WHERE planned_households IS NOT NULL
  UNION ALL SELECT region_code, 'plannedPersons', year, 1, planned_persons FROM village_year_figures WHERE planned_persons IS NOT NULL
) f
CROSS JOIN LATERAL (VALUES (''), (left(f.region_code, 2)), (left(f.region_code, 4)), (left(f.region_code, 6)), (left(f.region_code, 9))) r(region)
GROUP BY r.region, f.dim, f.key;
--> statement-breakpoint
-- custom (rollup towns)
-- registry_rollup now keeps towns (9-digit keys) and the households identified by year: the rows there lack them.
-- Emptied, it is rebuilt once at start-up (`ensureRollup`, as after the upgrade that introduced it).
DELETE FROM "registry_rollup";
