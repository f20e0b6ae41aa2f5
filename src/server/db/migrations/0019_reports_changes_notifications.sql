CREATE TABLE "report_corrections" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"kind" varchar(12) NOT NULL,
	"village_code" char(12) NOT NULL,
	"household_id" integer,
	"year" smallint NOT NULL,
	"before" jsonb NOT NULL,
	"proposed" jsonb NOT NULL,
	"reason" text NOT NULL,
	"state" varchar(10) NOT NULL,
	"proposed_by" integer NOT NULL,
	"proposed_by_name" varchar(50) NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_by_name" varchar(50),
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "year_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" char(12) NOT NULL,
	"region_prefix" varchar(12) NOT NULL,
	"region_level" smallint NOT NULL,
	"year" smallint NOT NULL,
	"state" varchar(10) NOT NULL,
	"figures" jsonb NOT NULL,
	"submitted_by" integer NOT NULL,
	"submitted_by_name" varchar(50) NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" integer,
	"decided_by_name" varchar(50),
	"decided_at" timestamp with time zone,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" varchar(20) NOT NULL,
	"title" varchar(200) NOT NULL,
	"link" varchar(200) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "report_corrections_report_idx" ON "report_corrections" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_corrections_village_idx" ON "report_corrections" USING btree ("village_code" bpchar_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "year_reports_region_year_uq" ON "year_reports" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "year_reports_year_idx" ON "year_reports" USING btree ("year","state");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");