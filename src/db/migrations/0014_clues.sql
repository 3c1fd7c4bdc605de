CREATE TABLE "assist_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"org_unit_id" integer,
	"direction" text NOT NULL,
	"counterpart" text NOT NULL,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"clue_id" integer,
	"date" date NOT NULL,
	"due_on" date NOT NULL,
	"letter_no" text,
	"contact_name" text,
	"contact_phone" text,
	"status" text DEFAULT 'open' NOT NULL,
	"replied_on" date,
	"reply_content" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assist_requests_direction_ck" CHECK ("assist_requests"."direction" in ('outgoing','incoming')),
	CONSTRAINT "assist_requests_status_ck" CHECK ("assist_requests"."status" in ('open','replied')),
	CONSTRAINT "assist_requests_due_ck" CHECK ("assist_requests"."due_on" >= "assist_requests"."date")
);
--> statement-breakpoint
CREATE TABLE "clue_transfers" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"clue_id" integer,
	"case_id" integer,
	"target" text NOT NULL,
	"receiving_body" text NOT NULL,
	"transferred_on" date NOT NULL,
	"letter_no" text,
	"note" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"receipt_on" date,
	"receipt_note" text,
	"letter_file_id" integer,
	"receipt_file_id" integer,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clue_transfers_target_ck" CHECK ("clue_transfers"."target" in ('health','medical_insurance','police','region','other')),
	CONSTRAINT "clue_transfers_status_ck" CHECK ("clue_transfers"."status" in ('sent','receipted')),
	CONSTRAINT "clue_transfers_body_ck" CHECK (char_length("clue_transfers"."receiving_body") between 1 and 200),
	CONSTRAINT "clue_transfers_subject_ck" CHECK ("clue_transfers"."clue_id" is not null or "clue_transfers"."case_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "clues" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"org_unit_id" integer,
	"source_type" text NOT NULL,
	"source_id" integer,
	"source_detail_id" integer,
	"source_note" text,
	"entity_id" integer,
	"subject_name" text,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"handler_id" integer,
	"status" text DEFAULT 'pending' NOT NULL,
	"findings" text,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" integer,
	"case_id" integer,
	"case_no" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clues_source_ck" CHECK ("clues"."source_type" in ('inspection','sampling','adr','online','complaint','opinion','dept_transfer','assigned','assist','tip')),
	CONSTRAINT "clues_status_ck" CHECK ("clues"."status" in ('pending','verifying','filed','not_filed','transferred')),
	CONSTRAINT "clues_summary_ck" CHECK (char_length("clues"."summary") between 1 and 200),
	CONSTRAINT "clues_not_filed_reason_ck" CHECK ("clues"."status" <> 'not_filed' or char_length(coalesce("clues"."decision_reason", '')) > 0),
	CONSTRAINT "clues_filed_case_ck" CHECK ("clues"."status" <> 'filed' or "clues"."case_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "complaint_rewards" (
	"id" serial PRIMARY KEY NOT NULL,
	"complaint_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "complaint_rewards_status_ck" CHECK ("complaint_rewards"."status" in ('requested','approved','rejected')),
	CONSTRAINT "complaint_rewards_amount_ck" CHECK ("complaint_rewards"."amount" > 0),
	CONSTRAINT "complaint_rewards_four_eyes_ck" CHECK ("complaint_rewards"."decided_by" is null or "complaint_rewards"."decided_by" <> "complaint_rewards"."requested_by")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" serial PRIMARY KEY NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"org_unit_id" integer,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"platform_no" text,
	"received_on" date NOT NULL,
	"real_name" boolean NOT NULL,
	"complainant_name" text,
	"complainant_phone" text,
	"entity_id" integer,
	"subject_name" text,
	"summary" text NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"accepted_on" date,
	"refused_on" date,
	"refuse_reason" text,
	"informed_on" date,
	"inform_note" text,
	"replied_on" date,
	"reply" text,
	"clue_id" integer,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_kind_ck" CHECK ("complaints"."kind" in ('complaint','report')),
	CONSTRAINT "complaints_channel_ck" CHECK ("complaints"."channel" in ('platform','hotline','letter','visit','transferred')),
	CONSTRAINT "complaints_status_ck" CHECK ("complaints"."status" in ('received','accepted','refused','replied')),
	CONSTRAINT "complaints_refused_reason_ck" CHECK ("complaints"."status" <> 'refused' or char_length(coalesce("complaints"."refuse_reason", '')) > 0),
	CONSTRAINT "complaints_replied_ck" CHECK ("complaints"."status" <> 'replied' or ("complaints"."accepted_on" is not null and "complaints"."reply" is not null))
);
--> statement-breakpoint
ALTER TABLE "assist_requests" ADD CONSTRAINT "assist_requests_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_requests" ADD CONSTRAINT "assist_requests_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_requests" ADD CONSTRAINT "assist_requests_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_requests" ADD CONSTRAINT "assist_requests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_transfers" ADD CONSTRAINT "clue_transfers_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_transfers" ADD CONSTRAINT "clue_transfers_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_transfers" ADD CONSTRAINT "clue_transfers_letter_file_id_files_id_fk" FOREIGN KEY ("letter_file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_transfers" ADD CONSTRAINT "clue_transfers_receipt_file_id_files_id_fk" FOREIGN KEY ("receipt_file_id") REFERENCES "public"."files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clue_transfers" ADD CONSTRAINT "clue_transfers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clues" ADD CONSTRAINT "clues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_rewards" ADD CONSTRAINT "complaint_rewards_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_rewards" ADD CONSTRAINT "complaint_rewards_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_rewards" ADD CONSTRAINT "complaint_rewards_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_rewards" ADD CONSTRAINT "complaint_rewards_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_entity_id_entities_id_fk" FOREIGN KEY ("entity_id") REFERENCES "public"."entities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_clue_id_clues_id_fk" FOREIGN KEY ("clue_id") REFERENCES "public"."clues"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assist_requests_jurisdiction_idx" ON "assist_requests" USING btree ("jurisdiction_id","date");--> statement-breakpoint
CREATE INDEX "clue_transfers_jurisdiction_idx" ON "clue_transfers" USING btree ("jurisdiction_id","transferred_on");--> statement-breakpoint
CREATE INDEX "clue_transfers_clue_idx" ON "clue_transfers" USING btree ("clue_id");--> statement-breakpoint
CREATE INDEX "clues_jurisdiction_received_idx" ON "clues" USING btree ("jurisdiction_id","received_on");--> statement-breakpoint
CREATE INDEX "clues_entity_idx" ON "clues" USING btree ("entity_id");--> statement-breakpoint
CREATE INDEX "clues_status_idx" ON "clues" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "clues_source_detail_uq" ON "clues" USING btree ("source_type","source_id","source_detail_id") WHERE source_id is not null and source_detail_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "clues_source_record_uq" ON "clues" USING btree ("source_type","source_id") WHERE source_id is not null and source_detail_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_rewards_complaint_uq" ON "complaint_rewards" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "complaints_jurisdiction_received_idx" ON "complaints" USING btree ("jurisdiction_id","received_on");--> statement-breakpoint
CREATE INDEX "complaints_status_idx" ON "complaints" USING btree ("status");--> statement-breakpoint
CREATE INDEX "complaints_entity_idx" ON "complaints" USING btree ("entity_id");