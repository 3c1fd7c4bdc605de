CREATE TABLE "report_submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"obligation_key" text NOT NULL,
	"due_date" date,
	"org_unit_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"snapshot" jsonb,
	"return_reason" text,
	"drafted_by" integer,
	"first_reported_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"accepted_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "report_submissions_status_ck" CHECK ("report_submissions"."status" in ('draft','unit_review','leader_review','reported','accepted','returned')),
	CONSTRAINT "report_submissions_key_ck" CHECK (char_length("report_submissions"."obligation_key") between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_submissions_due_uq" ON "report_submissions" USING btree ("campaign_id","obligation_key","due_date","org_unit_id") WHERE "report_submissions"."due_date" is not null;--> statement-breakpoint
CREATE INDEX "report_submissions_jurisdiction_idx" ON "report_submissions" USING btree ("jurisdiction_id","campaign_id","status");--> statement-breakpoint
CREATE INDEX "report_submissions_unit_idx" ON "report_submissions" USING btree ("org_unit_id","campaign_id");