CREATE TABLE "assessment_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"name" varchar(200) NOT NULL,
	"year" smallint NOT NULL,
	"state" varchar(10) DEFAULT 'open' NOT NULL,
	"deadlines" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" varchar(60) NOT NULL,
	"name" varchar(200) NOT NULL,
	"year" smallint NOT NULL,
	"unit_kind" varchar(20) NOT NULL,
	"data" jsonb NOT NULL,
	"shipped" boolean DEFAULT false NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_schemes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"round_id" integer NOT NULL,
	"unit_key" varchar(40) NOT NULL,
	"method_key" varchar(30) NOT NULL,
	"indicator_key" varchar(40) NOT NULL,
	"entry" jsonb NOT NULL,
	"origin" varchar(8) DEFAULT 'manual' NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scores_round_id_unit_key_method_key_indicator_key_pk" PRIMARY KEY("round_id","unit_key","method_key","indicator_key")
);
--> statement-breakpoint
CREATE TABLE "assessment_units" (
	"round_id" integer NOT NULL,
	"unit_key" varchar(40) NOT NULL,
	"name" varchar(100) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"ref" varchar(40) DEFAULT '' NOT NULL,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"adjustments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "assessment_units_round_id_unit_key_pk" PRIMARY KEY("round_id","unit_key")
);
