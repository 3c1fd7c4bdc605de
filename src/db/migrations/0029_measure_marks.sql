CREATE TABLE "measure_mark_days" (
	"at" date PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_marks" (
	"measure" text NOT NULL,
	"since" date NOT NULL,
	"at" date NOT NULL,
	"kind" text NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"campaign_id" integer DEFAULT 0 NOT NULL,
	"n" numeric(18, 2) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "measure_marks_key_uq" ON "measure_marks" USING btree ("measure","since","at","kind","jurisdiction_id","campaign_id");--> statement-breakpoint
CREATE INDEX "measure_totals_end_idx" ON "measure_totals" USING btree ("measure","since","m_to") WHERE since <> '0001-01-01' and m_to <> '9999-12-31';