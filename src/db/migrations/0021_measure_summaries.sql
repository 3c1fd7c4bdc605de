CREATE TABLE "measure_starts" (
	"since" date PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_summary_state" (
	"source" text NOT NULL,
	"version" integer NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_summary_state_source_pk" PRIMARY KEY("source")
);
--> statement-breakpoint
CREATE TABLE "measure_totals" (
	"measure" text NOT NULL,
	"since" date NOT NULL,
	"kind" text NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"campaign_id" integer DEFAULT 0 NOT NULL,
	"m_from" date NOT NULL,
	"m_to" date NOT NULL,
	"n" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_unit_rows" (
	"entity_id" integer NOT NULL,
	"measure" text NOT NULL,
	"since" date NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"kind" text NOT NULL,
	"campaign_id" integer DEFAULT 0 NOT NULL,
	"m_from" date NOT NULL,
	"m_to" date NOT NULL,
	"n" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "measure_totals_key_uq" ON "measure_totals" USING btree ("measure","since","kind","m_from","m_to","jurisdiction_id","campaign_id");--> statement-breakpoint
CREATE INDEX "measure_unit_rows_entity_idx" ON "measure_unit_rows" USING btree ("entity_id","measure");