CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text,
	CONSTRAINT "calendar_days_kind_ck" CHECK ("calendar_days"."kind" in ('holiday','workday')),
	CONSTRAINT "calendar_days_name_ck" CHECK (char_length("calendar_days"."name") <= 30)
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_source_ck" CHECK ("calendar_years"."source" in ('package','admin')),
	CONSTRAINT "calendar_years_year_ck" CHECK ("calendar_years"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;