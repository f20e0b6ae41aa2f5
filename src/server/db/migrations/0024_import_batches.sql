CREATE TABLE "roster_import_villages" (
	"import_id" varchar(40) NOT NULL,
	"village" varchar(120) NOT NULL,
	"first_row" integer NOT NULL,
	"last_row" integer NOT NULL,
	"persons" integer NOT NULL,
	"done_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "roster_import_villages_import_id_village_pk" PRIMARY KEY("import_id","village")
);
--> statement-breakpoint
CREATE TABLE "roster_imports" (
	"id" varchar(40) PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roster_import_villages" ADD CONSTRAINT "roster_import_villages_import_id_roster_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."roster_imports"("id") ON DELETE cascade ON UPDATE no action;