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
CREATE INDEX "household_benefits_batch_idx" ON "household_benefits" USING btree ("region_code","department","policy","year","period");--> statement-breakpoint
CREATE INDEX "household_benefits_household_idx" ON "household_benefits" USING btree ("household_id","year");--> statement-breakpoint
CREATE INDEX "screening_flags_run_idx" ON "screening_flags" USING btree ("run_id","region_code");--> statement-breakpoint
CREATE INDEX "screening_flags_household_idx" ON "screening_flags" USING btree ("household_id");