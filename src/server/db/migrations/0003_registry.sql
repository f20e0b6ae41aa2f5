CREATE TABLE "household_incomes" (
	"household_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"wages" integer DEFAULT 0 NOT NULL,
	"business" integer DEFAULT 0 NOT NULL,
	"property" integer DEFAULT 0 NOT NULL,
	"subsidies" integer DEFAULT 0 NOT NULL,
	"minimum_living" integer DEFAULT 0 NOT NULL,
	"extreme_poverty" integer DEFAULT 0 NOT NULL,
	"pension" integer DEFAULT 0 NOT NULL,
	"ecological" integer DEFAULT 0 NOT NULL,
	"other_transfer" integer DEFAULT 0 NOT NULL,
	"business_costs" integer DEFAULT 0 NOT NULL,
	"illness_costs" integer DEFAULT 0 NOT NULL,
	"schooling_costs" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "household_incomes_household_id_year_pk" PRIMARY KEY("household_id","year")
);
--> statement-breakpoint
CREATE TABLE "household_status_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"village_code" char(12) NOT NULL,
	"status" varchar(6) NOT NULL,
	"year" smallint,
	"effective_on" date NOT NULL,
	"persons" integer NOT NULL,
	"reason" text NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" varchar(50) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" serial PRIMARY KEY NOT NULL,
	"village_code" char(12) NOT NULL,
	"number" varchar(30) NOT NULL,
	"attribute" varchar(10) NOT NULL,
	"identified_year" smallint NOT NULL,
	"identified_on" date NOT NULL,
	"main_cause" varchar(12) NOT NULL,
	"secondary_causes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"housing_safe" boolean DEFAULT false NOT NULL,
	"drinking_water_safe" boolean DEFAULT false NOT NULL,
	"food_secure" boolean DEFAULT false NOT NULL,
	"clothing_secure" boolean DEFAULT false NOT NULL,
	"status" varchar(6) DEFAULT '未脱贫' NOT NULL,
	"status_year" smallint,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"name" varchar(50) NOT NULL,
	"id_number" char(18) NOT NULL,
	"sex" varchar(1) NOT NULL,
	"birth_date" date NOT NULL,
	"relation" varchar(10) NOT NULL,
	"schooling" varchar(10) DEFAULT '已毕业' NOT NULL,
	"dropout_for_poverty" boolean DEFAULT false NOT NULL,
	"health" varchar(10) DEFAULT '健康' NOT NULL,
	"disability_grade" smallint,
	"labour" varchar(10) NOT NULL,
	"has_qualification" boolean DEFAULT false NOT NULL,
	"work_months" smallint DEFAULT 0 NOT NULL,
	"work_place" varchar(100) DEFAULT '' NOT NULL,
	"work_income" integer DEFAULT 0 NOT NULL,
	"medical_eligible" boolean DEFAULT true NOT NULL,
	"medical_insured" boolean DEFAULT false NOT NULL,
	"serious_illness_insured" boolean DEFAULT false NOT NULL,
	"pension_insured" boolean DEFAULT false NOT NULL,
	CONSTRAINT "persons_id_number_unique" UNIQUE("id_number")
);
--> statement-breakpoint
CREATE TABLE "poverty_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"scope" varchar(12) NOT NULL,
	"region_prefix" varchar(12) DEFAULT '' NOT NULL,
	"yuan" integer NOT NULL,
	"source" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_profiles" (
	"region_code" char(12) PRIMARY KEY NOT NULL,
	"poor_village" boolean DEFAULT false NOT NULL,
	"identified_year" smallint,
	"exited" boolean DEFAULT false NOT NULL,
	"exit_year" smallint,
	"certified_population" integer,
	"population_year" smallint,
	"specialty_industries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"facilities" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"infrastructure_improved" boolean DEFAULT false NOT NULL,
	"public_services_improved" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_year_figures" (
	"region_code" char(12) NOT NULL,
	"year" smallint NOT NULL,
	"collective_income" bigint,
	"planned_households" integer,
	"planned_persons" integer,
	CONSTRAINT "village_year_figures_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE INDEX "household_status_history_idx" ON "household_status_history" USING btree ("household_id","effective_on");--> statement-breakpoint
CREATE INDEX "household_status_history_village_idx" ON "household_status_history" USING btree ("village_code" bpchar_pattern_ops,"effective_on");--> statement-breakpoint
CREATE UNIQUE INDEX "households_village_number" ON "households" USING btree ("village_code","number");--> statement-breakpoint
CREATE INDEX "households_village_idx" ON "households" USING btree ("village_code" bpchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "persons_name_idx" ON "persons" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "poverty_lines_key" ON "poverty_lines" USING btree ("year","scope","region_prefix");