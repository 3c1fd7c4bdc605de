CREATE TABLE "case_referrals" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"number" text,
	"reason" text NOT NULL,
	"proposed_by" integer,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decide_due_at" timestamp with time zone NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"send_due_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"police_unit" text,
	"police_decided_at" timestamp with time zone,
	"decision_note" text,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "case_referrals_status_ck" CHECK ("case_referrals"."status" in ('proposed','approved','rejected','sent','received','police_filed','police_declined')),
	CONSTRAINT "case_referrals_reason_ck" CHECK (char_length("case_referrals"."reason") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"campaign_id" integer,
	"procedure" text NOT NULL,
	"status" text NOT NULL,
	"case_no" text,
	"violation_type" text NOT NULL,
	"violation_label" text NOT NULL,
	"facts" text NOT NULL,
	"goods_value" numeric(14, 2) DEFAULT 0 NOT NULL,
	"illegal_income" numeric(14, 2) DEFAULT 0 NOT NULL,
	"violation_date" date NOT NULL,
	"discovered_on" date NOT NULL,
	"health_harm" boolean DEFAULT false NOT NULL,
	"limitation_override" text,
	"persons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_type" text,
	"source_id" integer,
	"filed_on" date,
	"decision_due" date,
	"extension_reason" text,
	"penalty" jsonb,
	"fine" numeric(14, 2),
	"notified_on" date,
	"decision_no" text,
	"decided_on" date,
	"publication_due" date,
	"published_on" date,
	"executed_on" date,
	"closed_on" date,
	"close_reason" text,
	"supervision" jsonb,
	"escalated_to" text,
	"serious_list" jsonb,
	"typical" jsonb,
	"typical_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_procedure_ck" CHECK ("cases"."procedure" in ('simple','ordinary')),
	CONSTRAINT "cases_status_ck" CHECK ("cases"."status" in ('proposed','investigating','reviewing','reviewed','notified','decided','executed','closed','not_filed','not_penalised','revoked')),
	CONSTRAINT "cases_facts_ck" CHECK (char_length("cases"."facts") between 1 and 4000),
	CONSTRAINT "cases_money_ck" CHECK ("cases"."goods_value" >= 0 and "cases"."illegal_income" >= 0 and ("cases"."fine" is null or "cases"."fine" >= 0)),
	CONSTRAINT "cases_decided_after_filing_ck" CHECK ("cases"."decided_on" is null or "cases"."filed_on" is null or "cases"."decided_on" >= "cases"."filed_on")
);
--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_referrals" ADD CONSTRAINT "case_referrals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_referrals_case_uq" ON "case_referrals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_referrals_jurisdiction_idx" ON "case_referrals" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "cases_jurisdiction_status_idx" ON "cases" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "cases_entity_idx" ON "cases" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "cases_decided_idx" ON "cases" USING btree ("decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_no_uq" ON "cases" USING btree ("case_no");