CREATE TABLE "household_measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"village_code" char(12) NOT NULL,
	"kind" varchar(20) NOT NULL,
	"state" varchar(6) NOT NULL,
	"on" date NOT NULL,
	"helper_id" integer,
	"helper_name" varchar(50) DEFAULT '' NOT NULL,
	"unit" varchar(60) DEFAULT '' NOT NULL,
	"cost" bigint DEFAULT 0 NOT NULL,
	"project_id" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_plans" (
	"household_id" integer PRIMARY KEY NOT NULL,
	"village_code" char(12) NOT NULL,
	"target_year" smallint,
	"plan" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_plans" (
	"region_code" char(12) NOT NULL,
	"year" smallint NOT NULL,
	"planned_households" integer,
	"planned_persons" integer,
	"planned_village_exits" integer,
	"planned_per_capita" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "region_plans_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE INDEX "household_measures_household_idx" ON "household_measures" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_measures_village_idx" ON "household_measures" USING btree ("village_code","kind");--> statement-breakpoint
CREATE INDEX "household_plans_target_idx" ON "household_plans" USING btree ("target_year","village_code");