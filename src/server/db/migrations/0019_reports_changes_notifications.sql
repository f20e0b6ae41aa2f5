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
CREATE TABLE "change_request_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL,
	"action" varchar(10) NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" varchar(50) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"village_code" char(12) NOT NULL,
	"kind" varchar(10) NOT NULL,
	"kinds" jsonb NOT NULL,
	"year" smallint,
	"target" varchar(20) NOT NULL,
	"payload" jsonb NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"base_version" integer NOT NULL,
	"state" varchar(10) DEFAULT 'pending' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"proposed_by" integer NOT NULL,
	"proposed_by_name" varchar(50) NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_by_name" varchar(50),
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_rules" (
	"region_prefix" varchar(12) NOT NULL,
	"kind" varchar(10) NOT NULL,
	"required" boolean NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" varchar(50) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "change_rules_region_prefix_kind_pk" PRIMARY KEY("region_prefix","kind")
);
--> statement-breakpoint
CREATE INDEX "report_corrections_report_idx" ON "report_corrections" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "report_corrections_village_idx" ON "report_corrections" USING btree ("village_code" bpchar_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "year_reports_region_year_uq" ON "year_reports" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "year_reports_year_idx" ON "year_reports" USING btree ("year","state");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "change_request_events_request_idx" ON "change_request_events" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "change_requests_village_idx" ON "change_requests" USING btree ("village_code" bpchar_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "change_requests_household_idx" ON "change_requests" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_open_target" ON "change_requests" USING btree ("household_id","target") WHERE state in ('pending', 'returned');