CREATE TABLE "app_meta" (
	"key" varchar(50) PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deep_poverty_counties" (
	"county_code" char(6) PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"category_code" char(2) NOT NULL,
	"subtype_code" char(4) NOT NULL,
	"unit" varchar(2) NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"target_region_code" char(12),
	"target_text" varchar(200),
	"target_key" varchar(220) NOT NULL,
	"content" text NOT NULL,
	"fund_donation" bigint DEFAULT 0 NOT NULL,
	"fund_personal" bigint DEFAULT 0 NOT NULL,
	"fund_social" bigint DEFAULT 0 NOT NULL,
	"fund_bank" bigint DEFAULT 0 NOT NULL,
	"fund_fiscal" bigint DEFAULT 0 NOT NULL,
	"beneficiaries" integer DEFAULT 0 NOT NULL,
	"deep_poverty" boolean DEFAULT false NOT NULL,
	"start_year" smallint NOT NULL,
	"end_year" smallint,
	"document_number" varchar(100),
	"created_by" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entry_members" (
	"entry_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "ledger_entry_members_entry_id_member_id_pk" PRIMARY KEY("entry_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" varchar(50) NOT NULL,
	"action" varchar(10) NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_totals" (
	"org_id" integer NOT NULL,
	"org_path" text NOT NULL,
	"year" smallint NOT NULL,
	"subtype_code" char(4) NOT NULL,
	"deep_poverty" boolean NOT NULL,
	"entries" bigint DEFAULT 0 NOT NULL,
	"villages" bigint DEFAULT 0 NOT NULL,
	"households" bigint DEFAULT 0 NOT NULL,
	"fund_donation" bigint DEFAULT 0 NOT NULL,
	"fund_personal" bigint DEFAULT 0 NOT NULL,
	"fund_social" bigint DEFAULT 0 NOT NULL,
	"fund_bank" bigint DEFAULT 0 NOT NULL,
	"fund_fiscal" bigint DEFAULT 0 NOT NULL,
	"beneficiaries" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "ledger_totals_org_id_year_subtype_code_deep_poverty_pk" PRIMARY KEY("org_id","year","subtype_code","deep_poverty")
);
--> statement-breakpoint
CREATE TABLE "member_year_totals" (
	"member_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	"funds" bigint DEFAULT 0 NOT NULL,
	"beneficiaries" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "member_year_totals_member_id_year_pk" PRIMARY KEY("member_id","year")
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" integer NOT NULL,
	"name" varchar(50) NOT NULL,
	"sector" varchar(50) DEFAULT '' NOT NULL,
	"phone" varchar(30) DEFAULT '' NOT NULL,
	"skills" text DEFAULT '' NOT NULL,
	"status" varchar(10) DEFAULT 'normal' NOT NULL,
	"unable_reason" text,
	"unable_from" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orgs" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"path" text DEFAULT '' NOT NULL,
	"name" varchar(100) NOT NULL,
	"kind" varchar(20) NOT NULL,
	"level" varchar(10) NOT NULL,
	"region_code" char(12) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" char(12) PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" char(12)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token" char(64) PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" varchar(50) NOT NULL,
	"display_name" varchar(50) NOT NULL,
	"password_hash" text NOT NULL,
	"role" varchar(20) NOT NULL,
	"org_id" integer NOT NULL,
	"member_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE INDEX "ledger_entries_org_path_idx" ON "ledger_entries" USING btree ("org_path" text_pattern_ops,"start_year");--> statement-breakpoint
CREATE INDEX "ledger_entries_dup_idx" ON "ledger_entries" USING btree ("org_id","subtype_code","target_key");--> statement-breakpoint
CREATE INDEX "ledger_entries_year_idx" ON "ledger_entries" USING btree ("start_year","id");--> statement-breakpoint
CREATE INDEX "ledger_entry_members_member_idx" ON "ledger_entry_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "ledger_history_entry_idx" ON "ledger_history" USING btree ("entry_id","id");--> statement-breakpoint
CREATE INDEX "ledger_totals_path_idx" ON "ledger_totals" USING btree ("org_path" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "members_org_idx" ON "members" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "orgs_path_idx" ON "orgs" USING btree ("path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orgs_parent_idx" ON "orgs" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "regions_name_idx" ON "regions" USING btree ("name");