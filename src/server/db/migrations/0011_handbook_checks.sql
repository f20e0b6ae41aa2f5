CREATE TABLE "handbook_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"household_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"persons" integer NOT NULL,
	"per_capita" integer NOT NULL,
	"helper_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "handbook_checks_household_idx" ON "handbook_checks" USING btree ("household_id","checked_on");