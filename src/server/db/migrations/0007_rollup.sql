CREATE TABLE "registry_rollup" (
	"region" varchar(6) NOT NULL,
	"on" date NOT NULL,
	"dim" varchar(10) NOT NULL,
	"key" varchar(12) NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "registry_rollup_region_on_dim_key_pk" PRIMARY KEY("region","on","dim","key")
);
--> statement-breakpoint
ALTER TABLE "household_status_history" ADD COLUMN "attribute" varchar(10) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "household_status_history" ADD COLUMN "main_cause" varchar(12) DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "household_status_history" ADD COLUMN "labour_ordinary" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_status_history" ADD COLUMN "labour_skilled" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_status_history" ADD COLUMN "labour_lost" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_status_history" ADD COLUMN "labour_none" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Rows written before the history carried the household's facts take its current ones (the registry rollup is then
-- rebuilt from the history at start-up, as `taizhang recompute` does).
UPDATE household_status_history s SET attribute = h.attribute, main_cause = h.main_cause,
  labour_ordinary = l.ordinary, labour_skilled = l.skilled, labour_lost = l.lost, labour_none = l.none
FROM households h
LEFT JOIN LATERAL (
  SELECT count(*) FILTER (WHERE p.labour = '普通劳动力')::smallint AS ordinary, count(*) FILTER (WHERE p.labour = '技能劳动力')::smallint AS skilled,
         count(*) FILTER (WHERE p.labour = '丧失劳动力')::smallint AS lost, count(*) FILTER (WHERE p.labour = '无劳动力')::smallint AS none
  FROM persons p WHERE p.household_id = h.id
) l ON true
WHERE h.id = s.household_id;
