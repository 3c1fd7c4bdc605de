CREATE TABLE "entities" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"kind" text NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"township_id" integer,
	"village_id" integer,
	"address" text,
	"legal_representative" text,
	"person_in_charge" text,
	"quality_manager" text,
	"phone" text,
	"lat" double precision,
	"lng" double precision,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"medical_grade" text,
	"device_level" text,
	"family_planning" boolean DEFAULT false NOT NULL,
	"risk_level" text DEFAULT 'low' NOT NULL,
	"risk_rank" integer GENERATED ALWAYS AS (case risk_level when 'high' then 3 when 'medium' then 2 else 1 end) STORED,
	"credit_grade" text,
	"status" text DEFAULT 'operating' NOT NULL,
	"licence_valid_to" date,
	"search_text" text GENERATED ALWAYS AS (name || ' ' || coalesce(credit_code, '') || ' ' || coalesce(address, '')) STORED,
	"search_bigrams" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_name_ck" CHECK (char_length("entities"."name") between 1 and 100),
	CONSTRAINT "entities_risk_ck" CHECK ("entities"."risk_level" in ('low','medium','high')),
	CONSTRAINT "entities_credit_ck" CHECK ("entities"."credit_grade" is null or "entities"."credit_grade" in ('A','B','C','D')),
	CONSTRAINT "entities_status_ck" CHECK ("entities"."status" in ('operating','suspended','closed')),
	CONSTRAINT "entities_medical_grade_ck" CHECK ("entities"."medical_grade" is null or "entities"."medical_grade" in ('1','2','3','none')),
	CONSTRAINT "entities_device_level_ck" CHECK ("entities"."device_level" is null or "entities"."device_level" in ('1','2','3'))
);
--> statement-breakpoint
CREATE TABLE "entity_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"search_bigrams" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" integer,
	"jurisdiction_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"headers" text[] NOT NULL,
	"mapping" jsonb NOT NULL,
	"rows" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"valid" integer DEFAULT 0 NOT NULL,
	"to_create" integer DEFAULT 0 NOT NULL,
	"to_update" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "entity_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"sector" text NOT NULL,
	"attrs" text[] DEFAULT '{}'::text[] NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entity_licences" (
	"id" serial PRIMARY KEY NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"scope" text,
	"valid_from" date,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_kind_entity_kinds_code_fk" FOREIGN KEY ("kind") REFERENCES "public"."entity_kinds"("code") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_township_id_jurisdictions_id_fk" FOREIGN KEY ("township_id") REFERENCES "public"."jurisdictions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_village_id_jurisdictions_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."jurisdictions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entities" ADD CONSTRAINT "entities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_imports" ADD CONSTRAINT "entity_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entity_licences" ADD CONSTRAINT "entity_licences_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "entities_credit_code_uq" ON "entities" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "entities_jurisdiction_name_idx" ON "entities" USING btree ("jurisdiction_id","name","id");--> statement-breakpoint
CREATE INDEX "entities_name_idx" ON "entities" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "entities_kind_name_idx" ON "entities" USING btree ("kind","name","id");--> statement-breakpoint
CREATE INDEX "entities_licence_valid_to_idx" ON "entities" USING btree ("licence_valid_to","id");--> statement-breakpoint
CREATE INDEX "entities_township_idx" ON "entities" USING btree ("township_id");--> statement-breakpoint
CREATE INDEX "entities_village_idx" ON "entities" USING btree ("village_id");--> statement-breakpoint
CREATE INDEX "entities_tags_idx" ON "entities" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "entities_bigrams_idx" ON "entities" USING gin ("search_bigrams");--> statement-breakpoint
CREATE INDEX "entities_updated_idx" ON "entities" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "entities_search_trgm_idx" ON "entities" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "entity_imports_created_by_idx" ON "entity_imports" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "entity_licences_kind_number_uq" ON "entity_licences" USING btree ("kind","number");--> statement-breakpoint
CREATE INDEX "entity_licences_entity_idx" ON "entity_licences" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "entity_licences_number_idx" ON "entity_licences" USING btree ("number");