CREATE TABLE "inspections" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_task_id" integer,
	"plan_id" integer,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"date" date NOT NULL,
	"due_from" date,
	"inspector_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"note" text,
	"cancel_reason" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_status_ck" CHECK ("inspections"."status" in ('planned','done','cancelled')),
	CONSTRAINT "inspections_note_ck" CHECK ("inspections"."note" is null or char_length("inspections"."note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "inspector_conflicts" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"visit" smallint DEFAULT 1 NOT NULL,
	"due_from" date,
	"due_to" date,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"inspector_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"campaign_version" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"name" text NOT NULL,
	"seed" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"period" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"minimum" integer NOT NULL,
	"optimal" boolean NOT NULL,
	"findings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" integer,
	"published_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_status_ck" CHECK ("plans"."status" in ('draft','published'))
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_task_id_plan_tasks_id_fk" FOREIGN KEY ("plan_task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspector_conflicts" ADD CONSTRAINT "inspector_conflicts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_entity_status_date_idx" ON "inspections" USING btree ("entity_id","status","date");--> statement-breakpoint
CREATE INDEX "inspections_jurisdiction_status_date_idx" ON "inspections" USING btree ("jurisdiction_id","status","date");--> statement-breakpoint
CREATE INDEX "inspections_plan_task_idx" ON "inspections" USING btree ("plan_task_id");--> statement-breakpoint
CREATE INDEX "inspections_plan_idx" ON "inspections" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspector_conflicts_uq" ON "inspector_conflicts" USING btree ("user_id","entity_id");--> statement-breakpoint
CREATE INDEX "inspector_conflicts_entity_idx" ON "inspector_conflicts" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_jurisdiction_idx" ON "plan_tasks" USING btree ("plan_id","jurisdiction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_tasks_plan_entity_visit_uq" ON "plan_tasks" USING btree ("plan_id","entity_id","visit");--> statement-breakpoint
CREATE INDEX "plans_campaign_idx" ON "plans" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "plans_jurisdiction_idx" ON "plans" USING btree ("jurisdiction_id");