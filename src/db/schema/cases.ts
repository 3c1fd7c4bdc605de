import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { entities } from './entities.js';
import { jurisdictions, orgUnits } from './org.js';
import { users } from './people.js';

const money = (name: string) => numeric(name, { precision: 14, scale: 2, mode: 'number' });

/**
 * Cases (案件): one row per case, its states in modules/cases/workflow.ts. `jurisdiction_id` is the
 * unit's station (scope and distribution key); the penalty is a JSON value checked against the
 * penalty article table (contracts/penalty-articles.ts) when it is written.
 */
export const cases = pgTable(
  'cases',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    procedure: text('procedure').notNull(),
    status: text('status').notNull(),
    caseNo: text('case_no'),
    violationType: text('violation_type').notNull(),
    violationLabel: text('violation_label').notNull(),
    facts: text('facts').notNull(),
    goodsValue: money('goods_value').notNull().default(0),
    illegalIncome: money('illegal_income').notNull().default(0),
    violationDate: date('violation_date', { mode: 'string' }).notNull(),
    discoveredOn: date('discovered_on', { mode: 'string' }).notNull(),
    healthHarm: boolean('health_harm').notNull().default(false),
    limitationOverride: text('limitation_override'),
    persons: jsonb('persons')
      .notNull()
      .default(sql`'[]'::jsonb`),
    sourceType: text('source_type'),
    sourceId: integer('source_id'),
    filedOn: date('filed_on', { mode: 'string' }),
    decisionDue: date('decision_due', { mode: 'string' }),
    extensionReason: text('extension_reason'),
    penalty: jsonb('penalty'),
    /** The penalty's fine in 元 (copied from `penalty` for sums and lists). */
    fine: money('fine'),
    notifiedOn: date('notified_on', { mode: 'string' }),
    decisionNo: text('decision_no'),
    decidedOn: date('decided_on', { mode: 'string' }),
    publicationDue: date('publication_due', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    executedOn: date('executed_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    closeReason: text('close_reason'),
    supervision: jsonb('supervision'),
    escalatedTo: text('escalated_to'),
    seriousList: jsonb('serious_list'),
    typical: jsonb('typical'),
    typicalOn: date('typical_on', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('cases_jurisdiction_status_idx').on(t.jurisdictionId, t.status),
    index('cases_entity_idx').on(t.entityId),
    index('cases_decided_idx').on(t.decidedOn),
    uniqueIndex('cases_case_no_uq').on(t.caseNo),
    check('cases_procedure_ck', sql`${t.procedure} in ('simple','ordinary')`),
    check(
      'cases_status_ck',
      sql`${t.status} in ('proposed','investigating','reviewing','reviewed','notified','decided','executed','closed','not_filed','not_penalised','revoked')`,
    ),
    check('cases_facts_ck', sql`char_length(${t.facts}) between 1 and 4000`),
    check('cases_money_ck', sql`${t.goodsValue} >= 0 and ${t.illegalIncome} >= 0 and (${t.fine} is null or ${t.fine} >= 0)`),
    check('cases_decided_after_filing_ck', sql`${t.decidedOn} is null or ${t.filedOn} is null or ${t.decidedOn} >= ${t.filedOn}`),
  ],
);

/**
 * Referral to the police (移送公安, 行刑衔接): at most one per case; its own states and due times
 * (head decides within 3 days of the proposal, the file goes within 24 hours of approval).
 */
export const caseReferrals = pgTable(
  'case_referrals',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    status: text('status').notNull().default('proposed'),
    number: text('number'),
    reason: text('reason').notNull(),
    proposedBy: integer('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decideDueAt: timestamp('decide_due_at', { withTimezone: true }).notNull(),
    approvedBy: integer('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    sendDueAt: timestamp('send_due_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    policeUnit: text('police_unit'),
    policeDecidedAt: timestamp('police_decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    followUps: jsonb('follow_ups')
      .notNull()
      .default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('case_referrals_case_uq').on(t.caseId),
    index('case_referrals_jurisdiction_idx').on(t.jurisdictionId, t.status),
    check(
      'case_referrals_status_ck',
      sql`${t.status} in ('proposed','approved','rejected','sent','received','police_filed','police_declined')`,
    ),
    check('case_referrals_reason_ck', sql`char_length(${t.reason}) between 1 and 2000`),
  ],
);
