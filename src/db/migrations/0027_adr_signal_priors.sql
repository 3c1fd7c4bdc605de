CREATE TABLE "adr_signal_priors" (
	"points_key" text PRIMARY KEY NOT NULL,
	"alpha1" double precision NOT NULL,
	"beta1" double precision NOT NULL,
	"alpha2" double precision NOT NULL,
	"beta2" double precision NOT NULL,
	"p" double precision NOT NULL,
	"log_lik" double precision NOT NULL,
	"converged" boolean NOT NULL,
	"starts" integer NOT NULL,
	"points" integer NOT NULL,
	"fit_ms" integer NOT NULL,
	"fitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
