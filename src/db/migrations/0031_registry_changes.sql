CREATE TABLE "registry_changes" (
	"jurisdiction_id" integer NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "registry_changes_jurisdiction_idx" ON "registry_changes" USING btree ("jurisdiction_id","n");