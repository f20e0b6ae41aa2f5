CREATE TABLE "household_benefits" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" char(12) NOT NULL,
	"department" varchar(10) NOT NULL,
	"policy" varchar(20) NOT NULL,
	"year" smallint NOT NULL,
	"period" varchar(30) DEFAULT '' NOT NULL,
	"household_id" integer NOT NULL,
	"village_code" char(12) NOT NULL,
	"id_number" char(18) NOT NULL,
	"name" varchar(50) NOT NULL,
	"amount" bigint NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"row_no" integer NOT NULL,
	"warning" text,
	"imported_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_flags" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"kind" varchar(4) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"household_id" integer,
	"id_number" varchar(18),
	"person_name" varchar(50) DEFAULT '' NOT NULL,
	"list_id" integer,
	"row_no" integer,
	"list_kind" varchar(30),
	"evidence" jsonb NOT NULL,
	"decision" varchar(4),
	"outcome" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_prefix" varchar(12) DEFAULT '' NOT NULL,
	"list_ids" jsonb NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"list_rows" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	"wrong" integer DEFAULT 0 NOT NULL,
	"risk" integer DEFAULT 0 NOT NULL,
	"user_id" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
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
CREATE INDEX "household_benefits_batch_idx" ON "household_benefits" USING btree ("region_code","department","policy","year","period");--> statement-breakpoint
CREATE INDEX "household_benefits_household_idx" ON "household_benefits" USING btree ("household_id","year");--> statement-breakpoint
CREATE INDEX "screening_flags_run_idx" ON "screening_flags" USING btree ("run_id","region_code");--> statement-breakpoint
CREATE INDEX "screening_flags_household_idx" ON "screening_flags" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_measures_household_idx" ON "household_measures" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_measures_village_idx" ON "household_measures" USING btree ("village_code","kind");--> statement-breakpoint
CREATE INDEX "household_plans_target_idx" ON "household_plans" USING btree ("target_year","village_code");