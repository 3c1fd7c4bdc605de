CREATE TABLE "assessment_rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"reason" text NOT NULL,
	"jurisdiction_id" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_rules_version_unique" UNIQUE("version"),
	CONSTRAINT "assessment_rules_version_ck" CHECK ("assessment_rules"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "assessment_rules" ADD CONSTRAINT "assessment_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;