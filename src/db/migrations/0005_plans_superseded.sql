ALTER TABLE "plans" DROP CONSTRAINT "plans_status_ck";--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "superseded_by" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_status_ck" CHECK ("plans"."status" in ('draft','published','superseded'));