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
CREATE INDEX "screening_flags_run_idx" ON "screening_flags" USING btree ("run_id","region_code");--> statement-breakpoint
CREATE INDEX "screening_flags_household_idx" ON "screening_flags" USING btree ("household_id");