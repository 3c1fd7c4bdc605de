CREATE TABLE "common_risk_entities" (
	"common_risk_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	CONSTRAINT "common_risk_entities_common_risk_id_entity_id_pk" PRIMARY KEY("common_risk_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "common_risk_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"common_risk_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"risk_id" integer,
	"finding_id" integer,
	CONSTRAINT "common_risk_members_one_ck" CHECK (("common_risk_members"."risk_id" is null) <> ("common_risk_members"."finding_id" is null))
);
--> statement-breakpoint
CREATE TABLE "common_risks" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"analysis" text,
	"control_measure" text NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"removed_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "common_risks_category_ck" CHECK ("common_risks"."category" in ('drug','device','cosmetics'))
);
--> statement-breakpoint
CREATE TABLE "consultation_item_links" (
	"item_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"link_type" text NOT NULL,
	"link_id" integer NOT NULL,
	CONSTRAINT "consultation_item_links_item_id_link_type_link_id_pk" PRIMARY KEY("item_id","link_type","link_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"seq" integer NOT NULL,
	"topic" text NOT NULL,
	"decision" text,
	"follow_up_user_id" integer
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"held_on" date NOT NULL,
	"host" text NOT NULL,
	"participants" text[] DEFAULT '{}'::text[] NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "consultations_kind_ck" CHECK ("consultations"."kind" in ('risk','case')),
	CONSTRAINT "consultations_level_ck" CHECK ("consultations"."level" in ('station','county','city'))
);
--> statement-breakpoint
CREATE TABLE "risk_entities" (
	"risk_id" integer NOT NULL,
	"entity_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	CONSTRAINT "risk_entities_risk_id_entity_id_pk" PRIMARY KEY("risk_id","entity_id")
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"channel" text NOT NULL,
	"source_type" text,
	"source_id" integer,
	"category" text NOT NULL,
	"product_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"level" text NOT NULL,
	"control_measure" text,
	"owner_id" integer NOT NULL,
	"deadline" date NOT NULL,
	"found_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closure_note" text,
	"closed_by" integer,
	"closed_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "risks_status_ck" CHECK ("risks"."status" in ('open','controlling','closure_requested','closed')),
	CONSTRAINT "risks_level_ck" CHECK ("risks"."level" in ('general','major','serious')),
	CONSTRAINT "risks_category_ck" CHECK ("risks"."category" in ('drug','device','cosmetics')),
	CONSTRAINT "risks_source_ck" CHECK (("risks"."source_type" is null) = ("risks"."source_id" is null))
);
--> statement-breakpoint
ALTER TABLE "common_risk_entities" ADD CONSTRAINT "common_risk_entities_common_risk_id_common_risks_id_fk" FOREIGN KEY ("common_risk_id") REFERENCES "public"."common_risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_risk_entities" ADD CONSTRAINT "common_risk_entities_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_risk_members" ADD CONSTRAINT "common_risk_members_common_risk_id_common_risks_id_fk" FOREIGN KEY ("common_risk_id") REFERENCES "public"."common_risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_risk_members" ADD CONSTRAINT "common_risk_members_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "common_risks" ADD CONSTRAINT "common_risks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_item_links" ADD CONSTRAINT "consultation_item_links_item_id_consultation_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."consultation_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_items" ADD CONSTRAINT "consultation_items_follow_up_user_id_users_id_fk" FOREIGN KEY ("follow_up_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_entities" ADD CONSTRAINT "risk_entities_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_entities" ADD CONSTRAINT "risk_entities_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "common_risk_entities_entity_idx" ON "common_risk_entities" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "common_risk_members_risk_uq" ON "common_risk_members" USING btree ("common_risk_id","risk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "common_risk_members_finding_uq" ON "common_risk_members" USING btree ("common_risk_id","finding_id");--> statement-breakpoint
CREATE INDEX "common_risk_members_risk_idx" ON "common_risk_members" USING btree ("risk_id");--> statement-breakpoint
CREATE INDEX "common_risks_jurisdiction_created_idx" ON "common_risks" USING btree ("jurisdiction_id","created_at");--> statement-breakpoint
CREATE INDEX "consultation_item_links_link_idx" ON "consultation_item_links" USING btree ("link_type","link_id");--> statement-breakpoint
CREATE INDEX "consultation_items_consultation_idx" ON "consultation_items" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultations_jurisdiction_held_idx" ON "consultations" USING btree ("jurisdiction_id","held_on");--> statement-breakpoint
CREATE INDEX "risk_entities_entity_idx" ON "risk_entities" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "risks_jurisdiction_status_deadline_idx" ON "risks" USING btree ("jurisdiction_id","status","deadline");--> statement-breakpoint
CREATE INDEX "risks_jurisdiction_found_idx" ON "risks" USING btree ("jurisdiction_id","found_on");--> statement-breakpoint
CREATE INDEX "risks_jurisdiction_closed_idx" ON "risks" USING btree ("jurisdiction_id","closed_on");--> statement-breakpoint
CREATE INDEX "risks_owner_status_idx" ON "risks" USING btree ("owner_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_source_uq" ON "risks" USING btree ("source_type","source_id");