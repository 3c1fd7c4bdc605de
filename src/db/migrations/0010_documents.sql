CREATE TABLE "document_issuers" (
	"org_unit_id" integer PRIMARY KEY NOT NULL,
	"abbreviation" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_issuers_abbreviation_ck" CHECK (char_length("document_issuers"."abbreviation") between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"org_unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_numbers_org_unit_id_kind_year_pk" PRIMARY KEY("org_unit_id","kind","year"),
	CONSTRAINT "document_numbers_kind_ck" CHECK (char_length("document_numbers"."kind") between 1 and 50),
	CONSTRAINT "document_numbers_year_ck" CHECK ("document_numbers"."year" between 2000 and 2999),
	CONSTRAINT "document_numbers_last_ck" CHECK ("document_numbers"."last_number" > 0)
);
--> statement-breakpoint
ALTER TABLE "document_issuers" ADD CONSTRAINT "document_issuers_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_numbers" ADD CONSTRAINT "document_numbers_org_unit_id_org_units_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_units"("id") ON DELETE restrict ON UPDATE no action;