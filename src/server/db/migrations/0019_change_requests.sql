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
CREATE INDEX "change_request_events_request_idx" ON "change_request_events" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "change_requests_village_idx" ON "change_requests" USING btree ("village_code" bpchar_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "change_requests_household_idx" ON "change_requests" USING btree ("household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_open_target" ON "change_requests" USING btree ("household_id","target") WHERE state in ('pending', 'returned');