import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { entities } from './entities.js';
import { jurisdictions } from './org.js';
import { users } from './people.js';

/**
 * 不良反应监测. A report (药品不良反应 / 医疗器械不良事件) belongs to a jurisdiction (county or below:
 * scope and distribution key) and carries its county for targets and clusters. Its suspected drugs
 * and its reaction terms are one row each, so signal counting is
 * `select r.report_id, d.generic_name, r.term from adr_reactions r join adr_report_drugs d using (report_id)`.
 * `due_on` and `late` are the reporting deadline as computed at write (contracts/adr.ts adrDeadline).
 */
export const adrReports = pgTable(
  'adr_reports',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    countyId: integer('county_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    /** 报告编码: one report per code, nationwide. */
    reportCode: text('report_code').notNull(),
    reporterName: text('reporter_name').notNull(),
    reporterKind: text('reporter_kind').notNull(),
    reporterCreditCode: text('reporter_credit_code'),
    /** The registered unit that reported, when its name or credit code matches one. */
    entityId: integer('entity_id').references(() => entities.id, { onDelete: 'set null' }),
    patientSex: text('patient_sex').notNull(),
    patientAge: integer('patient_age'),
    seriousness: text('seriousness').notNull(),
    isNew: boolean('is_new').notNull().default(false),
    death: boolean('death').notNull().default(false),
    outcome: text('outcome').notNull(),
    onsetOn: date('onset_on', { mode: 'string' }).notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    deadlineRule: text('deadline_rule').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    late: boolean('late').notNull(),
    /** The first suspected drug's name, for lists and search. */
    drugName: text('drug_name').notNull(),
    importId: integer('import_id'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('adr_reports_code_uq').on(t.reportCode),
    index('adr_reports_jurisdiction_reported_idx').on(t.jurisdictionId, t.reportedOn),
    index('adr_reports_county_onset_idx').on(t.countyId, t.onsetOn),
    index('adr_reports_entity_idx').on(t.entityId),
    check('adr_reports_kind_ck', sql`${t.kind} in ('drug','device')`),
    check('adr_reports_reporter_kind_ck', sql`${t.reporterKind} in ('medical','business','manufacturer','individual','other')`),
    check('adr_reports_sex_ck', sql`${t.patientSex} in ('male','female','unknown')`),
    check('adr_reports_seriousness_ck', sql`${t.seriousness} in ('serious','general')`),
    check('adr_reports_outcome_ck', sql`${t.outcome} in ('cured','improved','not_improved','sequelae','death','unknown')`),
    check('adr_reports_dates_ck', sql`${t.reportedOn} >= ${t.onsetOn}`),
    check('adr_reports_age_ck', sql`${t.patientAge} is null or ${t.patientAge} between 0 and 150`),
  ],
);

/** Suspected drugs (devices) of a report, in the order given (seq 1 = the first). */
export const adrReportDrugs = pgTable(
  'adr_report_drugs',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => adrReports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    genericName: text('generic_name').notNull(),
    batchNo: text('batch_no'),
    manufacturer: text('manufacturer'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.seq] }), index('adr_report_drugs_name_idx').on(t.genericName)],
);

/** Reaction terms (不良反应名称), one row per (report, term). */
export const adrReactions = pgTable(
  'adr_reactions',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => adrReports.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.term] }), index('adr_reactions_term_idx').on(t.term)],
);

/** A bulk import (dry run kept with its rows; confirming queues the job that writes them). */
export const adrImports = pgTable(
  'adr_imports',
  {
    id: serial('id').primaryKey(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull(),
    duplicates: text('duplicates').notNull(),
    headers: text('headers').array().notNull(),
    rows: text('rows').notNull(),
    total: integer('total').notNull().default(0),
    valid: integer('valid').notNull().default(0),
    toCreate: integer('to_create').notNull().default(0),
    toUpdate: integer('to_update').notNull().default(0),
    toSkip: integer('to_skip').notNull().default(0),
    duplicateCodes: text('duplicate_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    errors: jsonb('errors').notNull().default([]),
    errorCount: integer('error_count').notNull().default(0),
    alertsOpened: integer('alerts_opened').notNull().default(0),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('adr_imports_creator_idx').on(t.createdBy),
    check('adr_imports_status_ck', sql`${t.status} in ('validated','invalid','running','done','failed')`),
    check('adr_imports_duplicates_ck', sql`${t.duplicates} in ('update','skip')`),
  ],
);

/** Population of a jurisdiction in a year (for reports per million); `demo` marks invented figures. */
export const adrPopulation = pgTable(
  'adr_population',
  {
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    population: integer('population').notNull(),
    demo: boolean('demo').notNull().default(false),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.jurisdictionId, t.year] }), check('adr_population_ck', sql`${t.population} > 0`)],
);

/** Targets and cluster thresholds set for an area (the nearest row up the tree applies; none = defaults). */
export const adrSettings = pgTable('adr_settings', {
  jurisdictionId: integer('jurisdiction_id')
    .primaryKey()
    .references(() => jurisdictions.id, { onDelete: 'cascade' }),
  targetPerMillion: integer('target_per_million').notNull(),
  medicalSharePct: integer('medical_share_pct').notNull(),
  clusterMinReports: integer('cluster_min_reports').notNull(),
  clusterWindowDays: integer('cluster_window_days').notNull(),
  baselineWeeks: integer('baseline_weeks').notNull(),
  baselineFactor: doublePrecision('baseline_factor').notNull(),
  /** Disproportionality signal rule (defaults contracts/adr.ts ADR_DEFAULT_SETTINGS, ADR_SIGNAL_RULE). */
  signalMinN: integer('signal_min_n').notNull().default(3),
  signalMinPrr: doublePrecision('signal_min_prr').notNull().default(2),
  signalMinChi2: doublePrecision('signal_min_chi2').notNull().default(4),
  signalMinIc025: doublePrecision('signal_min_ic025').notNull().default(0),
  signalMinEb05: doublePrecision('signal_min_eb05').notNull().default(2),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * A cluster alert (聚集性信号): one per county × key (drug, drug+batch, manufacturer) × episode. The
 * unique index makes it fire once: later reports of the same episode update its counts only.
 */
export const adrAlerts = pgTable(
  'adr_alerts',
  {
    id: serial('id').primaryKey(),
    /** The county. */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    category: text('category').notNull(),
    keyKind: text('key_kind').notNull(),
    keyValue: text('key_value').notNull(),
    keyLabel: text('key_label').notNull(),
    episodeStart: date('episode_start', { mode: 'string' }).notNull(),
    /** The window that fired it and the reports in it. */
    windowStart: date('window_start', { mode: 'string' }).notNull(),
    windowEnd: date('window_end', { mode: 'string' }).notNull(),
    windowReports: integer('window_reports').notNull(),
    /** Reports of the episode so far and the latest onset. */
    reportCount: integer('report_count').notNull(),
    lastOnsetOn: date('last_onset_on', { mode: 'string' }).notNull(),
    expected: doublePrecision('expected').notNull(),
    status: text('status').notNull().default('new'),
    note: text('note'),
    riskId: integer('risk_id'),
    clueId: integer('clue_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('adr_alerts_episode_uq').on(t.jurisdictionId, t.keyKind, t.keyValue, t.episodeStart),
    index('adr_alerts_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    check('adr_alerts_status_ck', sql`${t.status} in ('new','assessed','risk','clue','dismissed')`),
    check('adr_alerts_key_kind_ck', sql`${t.keyKind} in ('drug','batch','manufacturer')`),
  ],
);

/**
 * Fitted EBGM priors, kept by the content of what they were fitted to: `pointsKey` is a hash of the
 * distinct (N, E) points with their weights and of the fit's version (modules/adr/signals/points.ts
 * pointsKey), so an unchanged set of reports never refits and any change of counts asks for a new fit.
 * A derived cache, not a record: any row may be deleted (the next request fits again, same result).
 * Not tied to an area, so it is a reference table under scale-out.
 */
export const adrSignalPriors = pgTable('adr_signal_priors', {
  pointsKey: text('points_key').primaryKey(),
  alpha1: doublePrecision('alpha1').notNull(),
  beta1: doublePrecision('beta1').notNull(),
  alpha2: doublePrecision('alpha2').notNull(),
  beta2: doublePrecision('beta2').notNull(),
  p: doublePrecision('p').notNull(),
  logLik: doublePrecision('log_lik').notNull(),
  converged: boolean('converged').notNull(),
  starts: integer('starts').notNull(),
  /** Distinct (N, E) points fitted and how long the fit took. */
  points: integer('points').notNull(),
  fitMs: integer('fit_ms').notNull(),
  fittedAt: timestamp('fitted_at', { withTimezone: true }).notNull().defaultNow(),
});
