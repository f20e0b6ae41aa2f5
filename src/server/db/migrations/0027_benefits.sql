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
CREATE INDEX "household_benefits_batch_idx" ON "household_benefits" USING btree ("region_code","department","policy","year","period");--> statement-breakpoint
CREATE INDEX "household_benefits_household_idx" ON "household_benefits" USING btree ("household_id","year");