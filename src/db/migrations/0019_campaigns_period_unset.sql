ALTER TABLE "campaigns" ALTER COLUMN "period_from" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ALTER COLUMN "period_to" DROP NOT NULL;