CREATE TABLE "inspection_findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"item_key" text,
	"severity" text NOT NULL,
	"violation_type" text,
	"legal_basis" text,
	"description" text NOT NULL,
	CONSTRAINT "inspection_findings_severity_ck" CHECK ("inspection_findings"."severity" in ('general','serious','severe'))
);
--> statement-breakpoint
CREATE TABLE "inspection_measures" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"kind" text NOT NULL,
	"deadline" date,
	"amount" numeric(14, 2),
	"party" text,
	"note" text,
	"document_no" text,
	CONSTRAINT "inspection_measures_kind_ck" CHECK ("inspection_measures"."kind" in ('rectify','warning_letter','interview','on_site_penalty','suspend','recall','seal','refer_clue')),
	CONSTRAINT "inspection_measures_penalty_ck" CHECK ("inspection_measures"."kind" <> 'on_site_penalty' or ("inspection_measures"."party" = 'person' and "inspection_measures"."amount" <= 200) or ("inspection_measures"."party" = 'organisation' and "inspection_measures"."amount" <= 3000))
);
--> statement-breakpoint
CREATE TABLE "inspection_signatures" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"signer" text NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"title" text,
	"method" text NOT NULL,
	"file_id" integer,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_signatures_signer_ck" CHECK ("inspection_signatures"."signer" in ('inspector','unit')),
	CONSTRAINT "inspection_signatures_method_ck" CHECK ("inspection_signatures"."method" in ('session','password','unit'))
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"inspection_id" integer NOT NULL,
	"measure_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'ordered' NOT NULL,
	"evidence_note" text,
	"closed_by_inspection_id" integer,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectifications_status_ck" CHECK ("rectifications"."status" in ('ordered','evidence_submitted','closed','extended'))
);
--> statement-breakpoint
ALTER TABLE "inspections" DROP CONSTRAINT "inspections_status_ck";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "badge_no" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "kind" text DEFAULT 'plan' NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "campaign_id" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "started_at" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "ended_at" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "staff_count" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "joint_departments" text[];--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "recheck_of" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "recheck_results" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "checklist_key" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "answers" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "sign_mode" text DEFAULT 'paper' NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "record_no" text;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_measures" ADD CONSTRAINT "inspection_measures_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_signatures" ADD CONSTRAINT "inspection_signatures_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_signatures" ADD CONSTRAINT "inspection_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_signatures" ADD CONSTRAINT "inspection_signatures_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_measure_id_inspection_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."inspection_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectifications" ADD CONSTRAINT "rectifications_closed_by_inspection_id_inspections_id_fk" FOREIGN KEY ("closed_by_inspection_id") REFERENCES "public"."inspections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_measures_inspection_idx" ON "inspection_measures" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_signatures_inspection_idx" ON "inspection_signatures" USING btree ("inspection_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_signatures_user_uq" ON "inspection_signatures" USING btree ("inspection_id","user_id");--> statement-breakpoint
CREATE INDEX "rectifications_jurisdiction_status_idx" ON "rectifications" USING btree ("jurisdiction_id","status","deadline");--> statement-breakpoint
CREATE INDEX "rectifications_inspection_idx" ON "rectifications" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "rectifications_entity_idx" ON "rectifications" USING btree ("entity_id");--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspections_client_id_uq" ON "inspections" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "inspections_recheck_of_idx" ON "inspections" USING btree ("recheck_of");--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_kind_ck" CHECK ("inspections"."kind" in ('plan','random','special','flight','tip_check','joint','recheck'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_sign_mode_ck" CHECK ("inspections"."sign_mode" in ('paper','on_site'));--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_status_ck" CHECK ("inspections"."status" in ('planned','draft','done','cancelled'));