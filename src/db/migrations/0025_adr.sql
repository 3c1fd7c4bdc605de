CREATE TABLE "adr_alerts" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"category" text NOT NULL,
	"key_kind" text NOT NULL,
	"key_value" text NOT NULL,
	"key_label" text NOT NULL,
	"episode_start" date NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"window_reports" integer NOT NULL,
	"report_count" integer NOT NULL,
	"last_onset_on" date NOT NULL,
	"expected" double precision NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"note" text,
	"risk_id" integer,
	"clue_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "adr_alerts_status_ck" CHECK ("adr_alerts"."status" in ('new','assessed','risk','clue','dismissed')),
	CONSTRAINT "adr_alerts_key_kind_ck" CHECK ("adr_alerts"."key_kind" in ('drug','batch','manufacturer'))
);
--> statement-breakpoint
CREATE TABLE "adr_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_by" integer,
	"jurisdiction_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"duplicates" text NOT NULL,
	"headers" text[] NOT NULL,
	"rows" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"valid" integer DEFAULT 0 NOT NULL,
	"to_create" integer DEFAULT 0 NOT NULL,
	"to_update" integer DEFAULT 0 NOT NULL,
	"to_skip" integer DEFAULT 0 NOT NULL,
	"duplicate_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"alerts_opened" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "adr_imports_status_ck" CHECK ("adr_imports"."status" in ('validated','invalid','running','done','failed')),
	CONSTRAINT "adr_imports_duplicates_ck" CHECK ("adr_imports"."duplicates" in ('update','skip'))
);
--> statement-breakpoint
CREATE TABLE "adr_population" (
	"jurisdiction_id" integer NOT NULL,
	"year" integer NOT NULL,
	"population" integer NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "adr_population_jurisdiction_id_year_pk" PRIMARY KEY("jurisdiction_id","year"),
	CONSTRAINT "adr_population_ck" CHECK ("adr_population"."population" > 0)
);
--> statement-breakpoint
CREATE TABLE "adr_reactions" (
	"report_id" integer NOT NULL,
	"term" text NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	CONSTRAINT "adr_reactions_report_id_term_pk" PRIMARY KEY("report_id","term")
);
--> statement-breakpoint
CREATE TABLE "adr_report_drugs" (
	"report_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"generic_name" text NOT NULL,
	"batch_no" text,
	"manufacturer" text,
	CONSTRAINT "adr_report_drugs_report_id_seq_pk" PRIMARY KEY("report_id","seq")
);
--> statement-breakpoint
CREATE TABLE "adr_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"county_id" integer NOT NULL,
	"kind" text NOT NULL,
	"report_code" text NOT NULL,
	"reporter_name" text NOT NULL,
	"reporter_kind" text NOT NULL,
	"reporter_credit_code" text,
	"entity_id" integer,
	"patient_sex" text NOT NULL,
	"patient_age" integer,
	"seriousness" text NOT NULL,
	"is_new" boolean DEFAULT false NOT NULL,
	"death" boolean DEFAULT false NOT NULL,
	"outcome" text NOT NULL,
	"onset_on" date NOT NULL,
	"reported_on" date NOT NULL,
	"deadline_rule" text NOT NULL,
	"due_on" date NOT NULL,
	"late" boolean NOT NULL,
	"drug_name" text NOT NULL,
	"import_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "adr_reports_kind_ck" CHECK ("adr_reports"."kind" in ('drug','device')),
	CONSTRAINT "adr_reports_reporter_kind_ck" CHECK ("adr_reports"."reporter_kind" in ('medical','business','manufacturer','individual','other')),
	CONSTRAINT "adr_reports_sex_ck" CHECK ("adr_reports"."patient_sex" in ('male','female','unknown')),
	CONSTRAINT "adr_reports_seriousness_ck" CHECK ("adr_reports"."seriousness" in ('serious','general')),
	CONSTRAINT "adr_reports_outcome_ck" CHECK ("adr_reports"."outcome" in ('cured','improved','not_improved','sequelae','death','unknown')),
	CONSTRAINT "adr_reports_dates_ck" CHECK ("adr_reports"."reported_on" >= "adr_reports"."onset_on"),
	CONSTRAINT "adr_reports_age_ck" CHECK ("adr_reports"."patient_age" is null or "adr_reports"."patient_age" between 0 and 150)
);
--> statement-breakpoint
CREATE TABLE "adr_settings" (
	"jurisdiction_id" integer PRIMARY KEY NOT NULL,
	"target_per_million" integer NOT NULL,
	"medical_share_pct" integer NOT NULL,
	"cluster_min_reports" integer NOT NULL,
	"cluster_window_days" integer NOT NULL,
	"baseline_weeks" integer NOT NULL,
	"baseline_factor" double precision NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adr_alerts" ADD CONSTRAINT "adr_alerts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_imports" ADD CONSTRAINT "adr_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_population" ADD CONSTRAINT "adr_population_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_population" ADD CONSTRAINT "adr_population_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_reactions" ADD CONSTRAINT "adr_reactions_report_id_adr_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."adr_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_report_drugs" ADD CONSTRAINT "adr_report_drugs_report_id_adr_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."adr_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_reports" ADD CONSTRAINT "adr_reports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_reports" ADD CONSTRAINT "adr_reports_county_id_jurisdictions_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_reports" ADD CONSTRAINT "adr_reports_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_reports" ADD CONSTRAINT "adr_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_settings" ADD CONSTRAINT "adr_settings_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adr_settings" ADD CONSTRAINT "adr_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "adr_alerts_episode_uq" ON "adr_alerts" USING btree ("jurisdiction_id","key_kind","key_value","episode_start");--> statement-breakpoint
CREATE INDEX "adr_alerts_jurisdiction_status_idx" ON "adr_alerts" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "adr_imports_creator_idx" ON "adr_imports" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "adr_reactions_term_idx" ON "adr_reactions" USING btree ("term");--> statement-breakpoint
CREATE INDEX "adr_report_drugs_name_idx" ON "adr_report_drugs" USING btree ("generic_name");--> statement-breakpoint
CREATE UNIQUE INDEX "adr_reports_code_uq" ON "adr_reports" USING btree ("report_code");--> statement-breakpoint
CREATE INDEX "adr_reports_jurisdiction_reported_idx" ON "adr_reports" USING btree ("jurisdiction_id","reported_on");--> statement-breakpoint
CREATE INDEX "adr_reports_county_onset_idx" ON "adr_reports" USING btree ("county_id","onset_on");--> statement-breakpoint
CREATE INDEX "adr_reports_entity_idx" ON "adr_reports" USING btree ("entity_id");