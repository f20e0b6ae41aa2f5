CREATE TABLE "credit_loans" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"village_code" char(12) NOT NULL,
	"bank" varchar(100) NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"loaned_on" date NOT NULL,
	"term_months" smallint NOT NULL,
	"rate_bp" integer NOT NULL,
	"use" varchar(5) NOT NULL,
	"enterprise" varchar(100) DEFAULT '' NOT NULL,
	"note" varchar(200) DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_repayments" (
	"id" serial PRIMARY KEY NOT NULL,
	"loan_id" integer NOT NULL,
	"repaid_on" date NOT NULL,
	"principal" bigint DEFAULT 0 NOT NULL,
	"interest" bigint DEFAULT 0 NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dividend_agreements" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"village_code" char(12) NOT NULL,
	"enterprise" varchar(100) NOT NULL,
	"shares" integer NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"signed_on" date NOT NULL,
	"agreement_no" varchar(50) DEFAULT '' NOT NULL,
	"certificate_no" varchar(50) DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dividend_payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"agreement_id" integer NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_capital" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"source" varchar(10) NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"received_on" date NOT NULL,
	"note" varchar(200) DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_committee" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"name" varchar(50) NOT NULL,
	"role" varchar(10) NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"phone" varchar(20) DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_expenses" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"spent_on" date NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"purpose" varchar(200) NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_funds" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"village_code" char(12) NOT NULL,
	"established_on" date NOT NULL,
	"max_loan" bigint DEFAULT 0 NOT NULL,
	"charter" text DEFAULT '' NOT NULL,
	"rules" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_loans" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"loaned_on" date NOT NULL,
	"amount" bigint DEFAULT 0 NOT NULL,
	"term_months" smallint NOT NULL,
	"purpose" varchar(200) NOT NULL,
	"fee_kind" varchar(5) NOT NULL,
	"fee_rate_hundredths" integer,
	"fee_fixed" bigint DEFAULT 0 NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"household_id" integer,
	"name" varchar(50) NOT NULL,
	"poor" boolean NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mutual_aid_repayments" (
	"id" serial PRIMARY KEY NOT NULL,
	"fund_id" integer NOT NULL,
	"loan_id" integer NOT NULL,
	"repaid_on" date NOT NULL,
	"principal" bigint DEFAULT 0 NOT NULL,
	"fee" bigint DEFAULT 0 NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE INDEX "credit_loans_village_idx" ON "credit_loans" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "credit_loans_household_idx" ON "credit_loans" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "credit_repayments_loan_idx" ON "credit_repayments" USING btree ("loan_id");--> statement-breakpoint
CREATE INDEX "dividend_agreements_village_idx" ON "dividend_agreements" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "dividend_agreements_household_idx" ON "dividend_agreements" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "dividend_payments_agreement_idx" ON "dividend_payments" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_capital_fund_idx" ON "mutual_aid_capital" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_committee_fund_idx" ON "mutual_aid_committee" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_expenses_fund_idx" ON "mutual_aid_expenses" USING btree ("fund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_funds_village_idx" ON "mutual_aid_funds" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "mutual_aid_loans_fund_idx" ON "mutual_aid_loans" USING btree ("fund_id","loaned_on");--> statement-breakpoint
CREATE INDEX "mutual_aid_members_fund_idx" ON "mutual_aid_members" USING btree ("fund_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mutual_aid_members_household_idx" ON "mutual_aid_members" USING btree ("fund_id","household_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_repayments_fund_idx" ON "mutual_aid_repayments" USING btree ("fund_id");--> statement-breakpoint
CREATE INDEX "mutual_aid_repayments_loan_idx" ON "mutual_aid_repayments" USING btree ("loan_id");--> statement-breakpoint
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