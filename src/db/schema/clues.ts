import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { entities } from './entities.js';
import { files } from './files.js';
import { jurisdictions, orgUnits } from './org.js';
import { users } from './people.js';

/**
 * Clues (线索): from inspections, sampling, ADR monitoring, online monitoring, complaints, public
 * opinion, other departments, superiors, assist requests and grassroots tips. `source_id` (and
 * `source_detail_id`, e.g. the finding of an inspection) name the record it was made from; one clue
 * per source record. States in clues/workflow.ts.
 */
export const clues = pgTable(
  'clues',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    sourceType: text('source_type').notNull(),
    sourceId: integer('source_id'),
    sourceDetailId: integer('source_detail_id'),
    sourceNote: text('source_note'),
    entityId: integer('entity_id').references(() => entities.id, { onDelete: 'restrict' }),
    subjectName: text('subject_name'),
    summary: text('summary').notNull(),
    description: text('description').notNull().default(''),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    handlerId: integer('handler_id').references(() => users.id, { onDelete: 'restrict' }),
    status: text('status').notNull().default('pending'),
    findings: text('findings'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'restrict' }),
    /** The case the cases module opened for it (立案), by the `clueFiling` extension point. */
    caseId: integer('case_id'),
    caseNo: text('case_no'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('clues_jurisdiction_received_idx').on(t.jurisdictionId, t.receivedOn),
    index('clues_entity_idx').on(t.entityId),
    index('clues_status_idx').on(t.status),
    uniqueIndex('clues_source_detail_uq')
      .on(t.sourceType, t.sourceId, t.sourceDetailId)
      .where(sql`source_id is not null and source_detail_id is not null`),
    uniqueIndex('clues_source_record_uq')
      .on(t.sourceType, t.sourceId)
      .where(sql`source_id is not null and source_detail_id is null`),
    check(
      'clues_source_ck',
      sql`${t.sourceType} in ('inspection','sampling','adr','online','complaint','opinion','dept_transfer','assigned','assist','tip')`,
    ),
    check('clues_status_ck', sql`${t.status} in ('pending','verifying','filed','not_filed','transferred')`),
    check('clues_summary_ck', sql`char_length(${t.summary}) between 1 and 200`),
    check('clues_not_filed_reason_ck', sql`${t.status} <> 'not_filed' or char_length(coalesce(${t.decisionReason}, '')) > 0`),
    check('clues_filed_case_ck', sql`${t.status} <> 'filed' or ${t.caseId} is not null`),
  ],
);

/** Transfers (移交) of a clue (or, later, a case) to 卫健, 医保, 公安 or another region. */
export const clueTransfers = pgTable(
  'clue_transfers',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    clueId: integer('clue_id').references(() => clues.id, { onDelete: 'restrict' }),
    caseId: integer('case_id'),
    target: text('target').notNull(),
    receivingBody: text('receiving_body').notNull(),
    transferredOn: date('transferred_on', { mode: 'string' }).notNull(),
    letterNo: text('letter_no'),
    note: text('note'),
    status: text('status').notNull().default('sent'),
    receiptOn: date('receipt_on', { mode: 'string' }),
    receiptNote: text('receipt_note'),
    letterFileId: integer('letter_file_id').references(() => files.id, { onDelete: 'restrict' }),
    receiptFileId: integer('receipt_file_id').references(() => files.id, { onDelete: 'restrict' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('clue_transfers_jurisdiction_idx').on(t.jurisdictionId, t.transferredOn),
    index('clue_transfers_clue_idx').on(t.clueId),
    check('clue_transfers_target_ck', sql`${t.target} in ('health','medical_insurance','police','region','other')`),
    check('clue_transfers_status_ck', sql`${t.status} in ('sent','receipted')`),
    check('clue_transfers_body_ck', sql`char_length(${t.receivingBody}) between 1 and 200`),
    check('clue_transfers_subject_ck', sql`${t.clueId} is not null or ${t.caseId} is not null`),
  ],
);

/** Assist requests (协查函), sent to or received from another bureau, with due date and reply. */
export const assistRequests = pgTable(
  'assist_requests',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id, { onDelete: 'restrict' }),
    direction: text('direction').notNull(),
    counterpart: text('counterpart').notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    clueId: integer('clue_id').references(() => clues.id, { onDelete: 'restrict' }),
    date: date('date', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    letterNo: text('letter_no'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    status: text('status').notNull().default('open'),
    repliedOn: date('replied_on', { mode: 'string' }),
    replyContent: text('reply_content'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'restrict' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assist_requests_jurisdiction_idx').on(t.jurisdictionId, t.date),
    check('assist_requests_direction_ck', sql`${t.direction} in ('outgoing','incoming')`),
    check('assist_requests_status_ck', sql`${t.status} in ('open','replied')`),
    check('assist_requests_due_ck', sql`${t.dueOn} >= ${t.date}`),
  ],
);
