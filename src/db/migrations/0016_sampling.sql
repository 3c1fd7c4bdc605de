CREATE TABLE "sampling_follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_id" integer NOT NULL,
	"result_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"measures" text[] DEFAULT '{}'::text[] NOT NULL,
	"delivered_on" date,
	"recheck_due_on" date,
	"recheck_requested" boolean DEFAULT false NOT NULL,
	"note" text,
	"handled_note" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sampling_numbers" (
	"bureau_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "sampling_numbers_bureau_id_year_pk" PRIMARY KEY("bureau_id","year")
);
--> statement-breakpoint
CREATE TABLE "sampling_plan_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"category" text NOT NULL,
	"sub_category" text,
	"planned" integer NOT NULL,
	"note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "sampling_plan_lines_planned_ck" CHECK ("sampling_plan_lines"."planned" >= 0),
	CONSTRAINT "sampling_plan_lines_category_ck" CHECK ("sampling_plan_lines"."category" in ('drug','device','cosmetic'))
);
--> statement-breakpoint
CREATE TABLE "sampling_plan_units" (
	"line_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	CONSTRAINT "sampling_plan_units_line_id_entity_id_pk" PRIMARY KEY("line_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "sampling_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"level" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"issuer" text,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sampling_plans_level_ck" CHECK ("sampling_plans"."level" in ('national','provincial','county'))
);
--> statement-breakpoint
CREATE TABLE "sampling_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"bureau_id" integer NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"plan_line_id" integer,
	"category" text NOT NULL,
	"product_name" text NOT NULL,
	"batch_no" text NOT NULL,
	"manufacturer" text NOT NULL,
	"specification" text,
	"quantity" integer NOT NULL,
	"quantity_unit" text NOT NULL,
	"sampler_ids" integer[] NOT NULL,
	"sampled_on" date NOT NULL,
	"lab_name" text,
	"sent_on" date,
	"status" text DEFAULT 'sampled' NOT NULL,
	"note" text,
	"withdraw_reason" text,
	"recorded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sampling_records_status_ck" CHECK ("sampling_records"."status" in ('sampled','testing','qualified','unqualified','handled','withdrawn')),
	CONSTRAINT "sampling_records_quantity_ck" CHECK ("sampling_records"."quantity" > 0),
	CONSTRAINT "sampling_records_category_ck" CHECK ("sampling_records"."category" in ('drug','device','cosmetic'))
);
--> statement-breakpoint
CREATE TABLE "sampling_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"record_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"verdict" text NOT NULL,
	"failed_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report_no" text NOT NULL,
	"lab_name" text NOT NULL,
	"report_date" date NOT NULL,
	"received_on" date NOT NULL,
	"note" text,
	"recorded_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sampling_results_verdict_ck" CHECK ("sampling_results"."verdict" in ('qualified','unqualified'))
);
--> statement-breakpoint
ALTER TABLE "sampling_follow_ups" ADD CONSTRAINT "sampling_follow_ups_record_id_sampling_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."sampling_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_follow_ups" ADD CONSTRAINT "sampling_follow_ups_result_id_sampling_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."sampling_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plan_lines" ADD CONSTRAINT "sampling_plan_lines_plan_id_sampling_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sampling_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plan_units" ADD CONSTRAINT "sampling_plan_units_line_id_sampling_plan_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."sampling_plan_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plan_units" ADD CONSTRAINT "sampling_plan_units_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_plan_line_id_sampling_plan_lines_id_fk" FOREIGN KEY ("plan_line_id") REFERENCES "public"."sampling_plan_lines"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_records" ADD CONSTRAINT "sampling_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_results" ADD CONSTRAINT "sampling_results_record_id_sampling_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."sampling_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_results" ADD CONSTRAINT "sampling_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sampling_follow_ups_record_uq" ON "sampling_follow_ups" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "sampling_plan_lines_plan_idx" ON "sampling_plan_lines" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sampling_plans_jurisdiction_level_year_uq" ON "sampling_plans" USING btree ("jurisdiction_id","level","year");--> statement-breakpoint
CREATE UNIQUE INDEX "sampling_records_number_uq" ON "sampling_records" USING btree ("bureau_id","year","seq");--> statement-breakpoint
CREATE INDEX "sampling_records_jurisdiction_status_idx" ON "sampling_records" USING btree ("jurisdiction_id","status","sampled_on");--> statement-breakpoint
CREATE INDEX "sampling_records_entity_idx" ON "sampling_records" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "sampling_records_plan_line_idx" ON "sampling_records" USING btree ("plan_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sampling_results_record_uq" ON "sampling_results" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "sampling_results_jurisdiction_date_idx" ON "sampling_results" USING btree ("jurisdiction_id","report_date");