ALTER TABLE "adr_settings" ADD COLUMN "signal_min_n" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "adr_settings" ADD COLUMN "signal_min_prr" double precision DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "adr_settings" ADD COLUMN "signal_min_chi2" double precision DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "adr_settings" ADD COLUMN "signal_min_ic025" double precision DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "adr_settings" ADD COLUMN "signal_min_eb05" double precision DEFAULT 2 NOT NULL;