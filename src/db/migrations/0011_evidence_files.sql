CREATE TABLE "file_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_id" integer NOT NULL,
	"record_type" text NOT NULL,
	"record_id" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_attachments_type_ck" CHECK ("file_attachments"."record_type" ~ '^[a-z][a-z0-9_-]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" serial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"kind" text NOT NULL,
	"width" integer,
	"height" integer,
	"taken_at" timestamp with time zone,
	"gps_lat" double precision,
	"gps_lng" double precision,
	"thumbnail_sha256" text,
	"original_name" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_sha256_ck" CHECK ("files"."sha256" ~ '^[0-9a-f]{64}$' and ("files"."thumbnail_sha256" is null or "files"."thumbnail_sha256" ~ '^[0-9a-f]{64}$')),
	CONSTRAINT "files_size_ck" CHECK ("files"."size" > 0),
	CONSTRAINT "files_kind_ck" CHECK ("files"."kind" in ('image','document')),
	CONSTRAINT "files_name_ck" CHECK (char_length("files"."original_name") between 1 and 100),
	CONSTRAINT "files_dims_ck" CHECK (("files"."width" is null or "files"."width" > 0) and ("files"."height" is null or "files"."height" > 0)),
	CONSTRAINT "files_gps_ck" CHECK (("files"."gps_lat" is null or "files"."gps_lat" between -90 and 90) and ("files"."gps_lng" is null or "files"."gps_lng" between -180 and 180))
);
--> statement-breakpoint
ALTER TABLE "file_attachments" ADD CONSTRAINT "file_attachments_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_attachments" ADD CONSTRAINT "file_attachments_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "file_attachments_uq" ON "file_attachments" USING btree ("file_id","record_type","record_id");--> statement-breakpoint
CREATE INDEX "file_attachments_record_idx" ON "file_attachments" USING btree ("record_type","record_id");--> statement-breakpoint
CREATE INDEX "file_attachments_jurisdiction_idx" ON "file_attachments" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "files_thumbnail_idx" ON "files" USING btree ("thumbnail_sha256");--> statement-breakpoint
CREATE INDEX "files_jurisdiction_idx" ON "files" USING btree ("jurisdiction_id");