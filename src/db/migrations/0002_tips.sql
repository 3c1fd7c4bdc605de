CREATE TABLE "tip_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"tip_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tip_photos_size_ck" CHECK ("tip_photos"."size" between 1 and 5242880 and octet_length("tip_photos"."data") = "tip_photos"."size"),
	CONSTRAINT "tip_photos_type_ck" CHECK ("tip_photos"."mime_type" in ('image/jpeg','image/png','image/webp'))
);
--> statement-breakpoint
CREATE TABLE "tips" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"org_unit_id" integer NOT NULL,
	"reported_by" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"place" text NOT NULL,
	"entity_name" text,
	"entity_address" text,
	"occurred_on" date NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"review_note" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"forward_note" text,
	"forwarded_by" integer,
	"forwarded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tips_kind_ck" CHECK ("tips"."kind" in ('hazard','clue','other')),
	CONSTRAINT "tips_status_ck" CHECK ("tips"."status" in ('submitted','accepted','rejected','forwarded')),
	CONSTRAINT "tips_title_ck" CHECK (char_length("tips"."title") between 1 and 100),
	CONSTRAINT "tips_description_ck" CHECK (char_length("tips"."description") <= 2000),
	CONSTRAINT "tips_place_ck" CHECK (char_length("tips"."place") between 1 and 200),
	CONSTRAINT "tips_rejected_reason_ck" CHECK ("tips"."status" <> 'rejected' or char_length(coalesce("tips"."review_note", '')) > 0)
);
--> statement-breakpoint
ALTER TABLE "tip_photos" ADD CONSTRAINT "tip_photos_tip_id_tips_id_fk" FOREIGN KEY ("tip_id") REFERENCES "public"."tips"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tip_photos" ADD CONSTRAINT "tip_photos_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tips" ADD CONSTRAINT "tips_forwarded_by_users_id_fk" FOREIGN KEY ("forwarded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tip_photos_tip_idx" ON "tip_photos" USING btree ("tip_id");--> statement-breakpoint
CREATE INDEX "tips_jurisdiction_idx" ON "tips" USING btree ("jurisdiction_id","created_at");--> statement-breakpoint
CREATE INDEX "tips_reported_by_idx" ON "tips" USING btree ("reported_by","created_at");--> statement-breakpoint
CREATE INDEX "tips_status_idx" ON "tips" USING btree ("status");