CREATE TABLE "credit_grade_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"run_id" integer,
	"override_id" integer,
	"from_grade" text,
	"to_grade" text,
	"source" text NOT NULL,
	"score" real,
	"rule_version" integer,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_grade_changes_source_ck" CHECK ("credit_grade_changes"."source" in ('computed','override'))
);
--> statement-breakpoint
CREATE TABLE "credit_overrides" (
	"id" serial PRIMARY KEY NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"grade" text NOT NULL,
	"computed_grade" text,
	"reason" text NOT NULL,
	"expires_on" date,
	"rule_version" integer NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" integer,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "credit_overrides_grade_ck" CHECK ("credit_overrides"."grade" in ('A','B','C','D')),
	CONSTRAINT "credit_overrides_status_ck" CHECK ("credit_overrides"."status" in ('requested','approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "credit_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"reason" text,
	"jurisdiction_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_rules_version_unique" UNIQUE("version"),
	CONSTRAINT "credit_rules_version_ck" CHECK ("credit_rules"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "credit_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"path" text NOT NULL,
	"entity_id" integer,
	"rule_version" integer NOT NULL,
	"as_of" date NOT NULL,
	"window_from" date NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"unit_count" integer,
	"changed_count" integer,
	"message" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "credit_runs_scope_ck" CHECK ("credit_runs"."scope" in ('area','unit')),
	CONSTRAINT "credit_runs_status_ck" CHECK ("credit_runs"."status" in ('queued','running','done','failed'))
);
--> statement-breakpoint
CREATE TABLE "credit_scores" (
	"run_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"score" real NOT NULL,
	"computed_grade" text NOT NULL,
	"grade" text NOT NULL,
	"previous_grade" text,
	"override_id" integer,
	"counts" integer[] NOT NULL,
	CONSTRAINT "credit_scores_run_id_entity_id_pk" PRIMARY KEY("run_id","entity_id")
);
--> statement-breakpoint
ALTER TABLE "credit_grade_changes" ADD CONSTRAINT "credit_grade_changes_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_grade_changes" ADD CONSTRAINT "credit_grade_changes_run_id_credit_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."credit_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_grade_changes" ADD CONSTRAINT "credit_grade_changes_override_id_credit_overrides_id_fk" FOREIGN KEY ("override_id") REFERENCES "public"."credit_overrides"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_overrides" ADD CONSTRAINT "credit_overrides_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_overrides" ADD CONSTRAINT "credit_overrides_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_overrides" ADD CONSTRAINT "credit_overrides_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_rules" ADD CONSTRAINT "credit_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_runs" ADD CONSTRAINT "credit_runs_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_runs" ADD CONSTRAINT "credit_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_grade_changes_entity_idx" ON "credit_grade_changes" USING btree ("entity_id","id");--> statement-breakpoint
CREATE INDEX "credit_overrides_entity_idx" ON "credit_overrides" USING btree ("entity_id","status");--> statement-breakpoint
CREATE INDEX "credit_overrides_jurisdiction_idx" ON "credit_overrides" USING btree ("jurisdiction_id","status");--> statement-breakpoint
CREATE INDEX "credit_runs_jurisdiction_idx" ON "credit_runs" USING btree ("jurisdiction_id","id");--> statement-breakpoint
CREATE INDEX "credit_scores_entity_idx" ON "credit_scores" USING btree ("entity_id","run_id");