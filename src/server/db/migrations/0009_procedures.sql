CREATE TABLE "attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"owner_type" varchar(20) NOT NULL,
	"owner_id" integer NOT NULL,
	"step_index" integer,
	"file_name" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comparison_hits" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"household_id" integer,
	"procedure_id" integer,
	"village_code" char(12) NOT NULL,
	"id_number" char(18) NOT NULL,
	"person_name" varchar(50) NOT NULL,
	"list_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"department" varchar(30) NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"decision" varchar(4),
	"outcome" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "comparison_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" varchar(10) NOT NULL,
	"procedure_id" integer,
	"region_prefix" varchar(12) DEFAULT '' NOT NULL,
	"list_ids" jsonb NOT NULL,
	"persons" integer DEFAULT 0 NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"user_id" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "department_list_rows" (
	"list_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"id_number" char(18) NOT NULL,
	"name" varchar(50) DEFAULT '' NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	CONSTRAINT "department_list_rows_list_id_row_no_pk" PRIMARY KEY("list_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "department_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"department" varchar(30) NOT NULL,
	"file_name" varchar(200) NOT NULL,
	"rows" integer DEFAULT 0 NOT NULL,
	"region_prefix" varchar(12) DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helper_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"helper_id" integer NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"reason" text DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helpers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" varchar(50) NOT NULL,
	"unit" varchar(100) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"level" varchar(6) NOT NULL,
	"post" varchar(50) DEFAULT '' NOT NULL,
	"phone" varchar(20) DEFAULT '' NOT NULL,
	"region_code" char(12) NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"kind" varchar(10) NOT NULL,
	"helper_id" integer,
	"visitor" varchar(50) NOT NULL,
	"visited_on" date NOT NULL,
	"content" text NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leader_villages" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" varchar(12) NOT NULL,
	"org_id" integer NOT NULL,
	"member_id" integer,
	"holder" varchar(100) DEFAULT '' NOT NULL,
	"village_code" char(12) NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_definitions" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" varchar(20) NOT NULL,
	"region_prefix" varchar(2) DEFAULT '' NOT NULL,
	"version" integer NOT NULL,
	"name" varchar(50) NOT NULL,
	"steps" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"procedure_id" integer NOT NULL,
	"step_index" integer NOT NULL,
	"step_key" varchar(30) NOT NULL,
	"outcome" varchar(10) NOT NULL,
	"return_to" integer,
	"reason" text DEFAULT '' NOT NULL,
	"notice_from" date,
	"notice_to" date,
	"objections" text,
	"representatives" integer,
	"present" integer,
	"votes_for" integer,
	"votes_against" integer,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" varchar(50) NOT NULL,
	"user_role" varchar(20) NOT NULL,
	"user_level" varchar(10) DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" serial PRIMARY KEY NOT NULL,
	"definition_id" integer NOT NULL,
	"kind" varchar(20) NOT NULL,
	"household_id" integer,
	"village_code" char(12) NOT NULL,
	"applicant" jsonb,
	"year" smallint,
	"state" varchar(10) DEFAULT 'running' NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_by" integer NOT NULL,
	"finished_at" timestamp with time zone,
	"certificate_no" varchar(40),
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quality_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_prefix" varchar(12) NOT NULL,
	"trigger" varchar(10) NOT NULL,
	"counts" jsonb NOT NULL,
	"user_id" integer,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "attachments_owner_idx" ON "attachments" USING btree ("owner_type","owner_id");--> statement-breakpoint
CREATE INDEX "comparison_hits_run_idx" ON "comparison_hits" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "comparison_hits_village_idx" ON "comparison_hits" USING btree ("village_code" bpchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "department_list_rows_id_idx" ON "department_list_rows" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "helper_assignments_household_idx" ON "helper_assignments" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "helper_assignments_helper_idx" ON "helper_assignments" USING btree ("helper_id");--> statement-breakpoint
CREATE INDEX "helpers_region_idx" ON "helpers" USING btree ("region_code" bpchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_visits_household_idx" ON "household_visits" USING btree ("household_id","visited_on");--> statement-breakpoint
CREATE INDEX "leader_villages_village_idx" ON "leader_villages" USING btree ("village_code");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_definitions_key" ON "procedure_definitions" USING btree ("kind","region_prefix","version");--> statement-breakpoint
CREATE INDEX "procedure_events_idx" ON "procedure_events" USING btree ("procedure_id","id");--> statement-breakpoint
CREATE INDEX "procedures_village_idx" ON "procedures" USING btree ("village_code" bpchar_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "procedures_household_idx" ON "procedures" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "quality_runs_region_idx" ON "quality_runs" USING btree ("region_prefix","started_at");