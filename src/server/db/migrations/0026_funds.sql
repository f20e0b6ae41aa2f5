CREATE TABLE "audit_findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer,
	"allocation_id" integer,
	"region_code" char(12) NOT NULL,
	"found_on" date NOT NULL,
	"found_by" varchar(60) NOT NULL,
	"problem" text NOT NULL,
	"deadline" date NOT NULL,
	"state" varchar(12) DEFAULT 'open' NOT NULL,
	"rectification" text DEFAULT '' NOT NULL,
	"rectified_on" date,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_allocations" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"source" varchar(20) NOT NULL,
	"region_code" char(12) NOT NULL,
	"parent_id" integer,
	"parent_region" char(12),
	"amount" bigint NOT NULL,
	"passed_down" bigint DEFAULT 0 NOT NULL,
	"paid" bigint DEFAULT 0 NOT NULL,
	"document_no" varchar(60) NOT NULL,
	"allocated_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"allocation_id" integer NOT NULL,
	"fund_year" smallint NOT NULL,
	"region_code" char(12) NOT NULL,
	"village_code" char(12) NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"purpose" text NOT NULL,
	"voucher_no" varchar(60) NOT NULL,
	"household_id" integer,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_samples" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_prefix" varchar(12) NOT NULL,
	"year" smallint NOT NULL,
	"count" integer NOT NULL,
	"draw_key" varchar(100) NOT NULL,
	"project_ids" jsonb NOT NULL,
	"drawn_by" integer NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_spending" (
	"year" smallint NOT NULL,
	"region_code" char(12) NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "fund_spending_year_region_code_paid_on_pk" PRIMARY KEY("year","region_code","paid_on")
);
--> statement-breakpoint
CREATE TABLE "project_households" (
	"project_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"paid" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "project_households_project_id_household_id_pk" PRIMARY KEY("project_id","household_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"name" varchar(100) NOT NULL,
	"village_code" char(12) NOT NULL,
	"reach" varchar(10) NOT NULL,
	"use" varchar(20),
	"use_reason" text DEFAULT '' NOT NULL,
	"content" text NOT NULL,
	"budget" bigint NOT NULL,
	"paid" bigint DEFAULT 0 NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"procedure_id" integer,
	"approval_step" smallint NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedures" ADD COLUMN "project_id" integer;--> statement-breakpoint
CREATE INDEX "audit_findings_region_idx" ON "audit_findings" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "audit_findings_project_idx" ON "audit_findings" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_region_idx" ON "fund_allocations" USING btree ("year","region_code");--> statement-breakpoint
CREATE INDEX "fund_allocations_region_code_idx" ON "fund_allocations" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "fund_allocations_parent_idx" ON "fund_allocations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_parent_region_idx" ON "fund_allocations" USING btree ("year","parent_region");--> statement-breakpoint
CREATE INDEX "fund_payments_project_idx" ON "fund_payments" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "fund_payments_household_idx" ON "fund_payments" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "fund_payments_allocation_idx" ON "fund_payments" USING btree ("allocation_id");--> statement-breakpoint
CREATE INDEX "fund_payments_village_idx" ON "fund_payments" USING btree ("village_code","id");--> statement-breakpoint
CREATE INDEX "fund_samples_region_idx" ON "fund_samples" USING btree ("region_prefix","id");--> statement-breakpoint
CREATE INDEX "project_households_household_idx" ON "project_households" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "projects_village_idx" ON "projects" USING btree ("village_code","year");--> statement-breakpoint
CREATE INDEX "projects_procedure_idx" ON "projects" USING btree ("procedure_id");--> statement-breakpoint
CREATE INDEX "projects_year_idx" ON "projects" USING btree ("year","village_code");--> statement-breakpoint
CREATE INDEX "procedures_project_idx" ON "procedures" USING btree ("project_id");