import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
 * 监督抽检 (sampling): annual plans at three levels (国家/省(市)/县(区), seed 001) with planned
 * batches per product category, sampling records numbered per bureau and year, the lab's result,
 * and the follow-up (核查处置) an 不合格 result opens.
 */
export const samplingPlans = pgTable(
  'sampling_plans',
  {
    id: serial('id').primaryKey(),
    /** The bureau's jurisdiction the plan is carried out in (scope and distribution key). */
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    level: text('level').notNull(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    issuer: text('issuer'),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('sampling_plans_jurisdiction_level_year_uq').on(t.jurisdictionId, t.level, t.year),
    check('sampling_plans_level_ck', sql`${t.level} in ('national','provincial','county')`),
  ],
);

/** A plan's line: a product category (and sub-category) with its planned batches. */
export const samplingPlanLines = pgTable(
  'sampling_plan_lines',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => samplingPlans.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    category: text('category').notNull(),
    subCategory: text('sub_category'),
    planned: integer('planned').notNull(),
    note: text('note'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('sampling_plan_lines_plan_idx').on(t.planId),
    check('sampling_plan_lines_planned_ck', sql`${t.planned} >= 0`),
    check('sampling_plan_lines_category_ck', sql`${t.category} in ('drug','device','cosmetic')`),
  ],
);

/** Units a plan line names to sample at (optional). */
export const samplingPlanUnits = pgTable(
  'sampling_plan_units',
  {
    lineId: integer('line_id')
      .notNull()
      .references(() => samplingPlanLines.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lineId, t.entityId] })],
);

/** 抽样单编号 counters: one per bureau (county jurisdiction) and Beijing year. */
export const samplingNumbers = pgTable(
  'sampling_numbers',
  {
    bureauId: integer('bureau_id').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bureauId, t.year] })],
);

export const samplingRecords = pgTable(
  'sampling_records',
  {
    id: serial('id').primaryKey(),
    /** 抽样单编号, e.g. 抽样〔2026〕0012号. */
    number: text('number').notNull(),
    bureauId: integer('bureau_id').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    /** The unit's station (scope and distribution key). */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    planLineId: integer('plan_line_id').references(() => samplingPlanLines.id, { onDelete: 'set null' }),
    category: text('category').notNull(),
    productName: text('product_name').notNull(),
    batchNo: text('batch_no').notNull(),
    manufacturer: text('manufacturer').notNull(),
    specification: text('specification'),
    quantity: integer('quantity').notNull(),
    quantityUnit: text('quantity_unit').notNull(),
    samplerIds: integer('sampler_ids').array().notNull(),
    sampledOn: date('sampled_on', { mode: 'string' }).notNull(),
    labName: text('lab_name'),
    sentOn: date('sent_on', { mode: 'string' }),
    status: text('status').notNull().default('sampled'),
    note: text('note'),
    withdrawReason: text('withdraw_reason'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('sampling_records_number_uq').on(t.bureauId, t.year, t.seq),
    index('sampling_records_jurisdiction_status_idx').on(t.jurisdictionId, t.status, t.sampledOn),
    index('sampling_records_entity_idx').on(t.entityId),
    index('sampling_records_plan_line_idx').on(t.planLineId),
    check('sampling_records_status_ck', sql`${t.status} in ('sampled','testing','qualified','unqualified','handled','withdrawn')`),
    check('sampling_records_quantity_ck', sql`${t.quantity} > 0`),
    check('sampling_records_category_ck', sql`${t.category} in ('drug','device','cosmetic')`),
  ],
);

/** The lab's result (检验结果): one per record. */
export const samplingResults = pgTable(
  'sampling_results',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => samplingRecords.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    verdict: text('verdict').notNull(),
    /** [{item, standard, result}] — 不合格项目 and the standard. */
    failedItems: jsonb('failed_items')
      .notNull()
      .default(sql`'[]'::jsonb`),
    reportNo: text('report_no').notNull(),
    labName: text('lab_name').notNull(),
    reportDate: date('report_date', { mode: 'string' }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sampling_results_record_uq').on(t.recordId),
    index('sampling_results_jurisdiction_date_idx').on(t.jurisdictionId, t.reportDate),
    check('sampling_results_verdict_ck', sql`${t.verdict} in ('qualified','unqualified')`),
  ],
);

/** The follow-up (核查处置) an 不合格 result opens: control measures, service of the report, links to the risk and the clue. */
export const samplingFollowUps = pgTable(
  'sampling_follow_ups',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id')
      .notNull()
      .references(() => samplingRecords.id, { onDelete: 'cascade' }),
    resultId: integer('result_id')
      .notNull()
      .references(() => samplingResults.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    measures: text('measures')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    deliveredOn: date('delivered_on', { mode: 'string' }),
    recheckDueOn: date('recheck_due_on', { mode: 'string' }),
    recheckRequested: boolean('recheck_requested').notNull().default(false),
    note: text('note'),
    handledNote: text('handled_note'),
    /** What the samplingFollowUps contributions opened: [{key, label, type, id}]. */
    links: jsonb('links')
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sampling_follow_ups_record_uq').on(t.recordId)],
);
