import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { files } from './files.js';
import { entities } from './entities.js';
import { users } from './people.js';
import { plans, planTasks } from './planning.js';

/**
 * Inspections (监督检查): the core record a later feature extends with checklists, findings and
 * measures. Planned ones come from published plan tasks; done ones count toward coverage.
 */
export const inspections = pgTable(
  'inspections',
  {
    id: serial('id').primaryKey(),
    planTaskId: integer('plan_task_id').references(() => planTasks.id, { onDelete: 'set null' }),
    planId: integer('plan_id').references(() => plans.id, { onDelete: 'set null' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    /** The station's jurisdiction (scope and distribution key). */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    /** Planned: the due date; done: the day of the inspection. */
    date: date('date', { mode: 'string' }).notNull(),
    dueFrom: date('due_from', { mode: 'string' }),
    inspectorIds: integer('inspector_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    status: text('status').notNull().default('planned'),
    note: text('note'),
    cancelReason: text('cancel_reason'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic-concurrency version (core/versions.ts). */
    version: integer('version').notNull().default(1),
    /** 检查方式 (contracts/inspections.ts INSPECTION_KINDS). */
    kind: text('kind').notNull().default('plan'),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    /** The client's id of the submission: a retried submit finds the first record. */
    clientId: uuid('client_id'),
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    staffCount: integer('staff_count'),
    jointDepartments: text('joint_departments').array(),
    /** 复查: the inspection whose rectifications this one re-inspects. */
    recheckOf: integer('recheck_of'),
    /** 复查: the outcome given for each rectification re-inspected, applied when the record is signed off. */
    recheckResults: jsonb('recheck_results'),
    checklistKey: text('checklist_key'),
    /** Checklist answers [{itemKey, result, note}], validated against the checklist on submit. */
    answers: jsonb('answers'),
    /** How it was signed: on site (signatures below) or a paper record back-entered. */
    signMode: text('sign_mode').notNull().default('paper'),
    /** 现场检查笔录 number, allocated when signed. */
    recordNo: text('record_no'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [
    index('inspections_entity_status_date_idx').on(t.entityId, t.status, t.date),
    index('inspections_jurisdiction_status_date_idx').on(t.jurisdictionId, t.status, t.date),
    index('inspections_plan_task_idx').on(t.planTaskId),
    index('inspections_plan_idx').on(t.planId),
    check('inspections_status_ck', sql`${t.status} in ('planned','draft','done','cancelled')`),
    check('inspections_kind_ck', sql`${t.kind} in ('plan','random','special','flight','tip_check','joint','recheck')`),
    check('inspections_sign_mode_ck', sql`${t.signMode} in ('paper','on_site')`),
    uniqueIndex('inspections_client_id_uq').on(t.clientId),
    index('inspections_recheck_of_idx').on(t.recheckOf),
    check('inspections_note_ck', sql`${t.note} is null or char_length(${t.note}) <= 2000`),
  ],
);

/** Findings (问题): every 不符合 of the checklist, and problems outside it. */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    itemKey: text('item_key'),
    severity: text('severity').notNull(),
    violationType: text('violation_type'),
    legalBasis: text('legal_basis'),
    description: text('description').notNull(),
  },
  (t) => [
    index('inspection_findings_inspection_idx').on(t.inspectionId),
    check('inspection_findings_severity_ck', sql`${t.severity} in ('general','serious','severe')`),
  ],
);

/** Measures (处置措施) taken at an inspection. */
export const inspectionMeasures = pgTable(
  'inspection_measures',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    kind: text('kind').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    amount: numeric('amount', { precision: 14, scale: 2 }),
    party: text('party'),
    note: text('note'),
    documentNo: text('document_no'),
  },
  (t) => [
    index('inspection_measures_inspection_idx').on(t.inspectionId),
    check(
      'inspection_measures_kind_ck',
      sql`${t.kind} in ('rectify','warning_letter','interview','on_site_penalty','suspend','recall','seal','refer_clue')`,
    ),
    check(
      'inspection_measures_penalty_ck',
      sql`${t.kind} <> 'on_site_penalty' or (${t.party} = 'person' and ${t.amount} <= 200) or (${t.party} = 'organisation' and ${t.amount} <= 3000)`,
    ),
  ],
);

/** Signatures: each inspector and the unit's person present; the drawn image is a stored file. */
export const inspectionSignatures = pgTable(
  'inspection_signatures',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    signer: text('signer').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    title: text('title'),
    /** session: from the inspector's own session; password: on the same phone with their password. */
    method: text('method').notNull(),
    fileId: integer('file_id').references(() => files.id, { onDelete: 'restrict' }),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspection_signatures_inspection_idx').on(t.inspectionId),
    uniqueIndex('inspection_signatures_user_uq').on(t.inspectionId, t.userId),
    check('inspection_signatures_signer_ck', sql`${t.signer} in ('inspector','unit')`),
    check('inspection_signatures_method_ck', sql`${t.method} in ('session','password','unit')`),
  ],
);

/** Rectifications (整改): each 责令限期整改 until a 复查 closes it. */
export const rectifications = pgTable(
  'rectifications',
  {
    id: serial('id').primaryKey(),
    inspectionId: integer('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    measureId: integer('measure_id')
      .notNull()
      .references(() => inspectionMeasures.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    /** The owner station (scope and distribution key). */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('ordered'),
    evidenceNote: text('evidence_note'),
    closedByInspectionId: integer('closed_by_inspection_id').references(() => inspections.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rectifications_jurisdiction_status_idx').on(t.jurisdictionId, t.status, t.deadline),
    index('rectifications_inspection_idx').on(t.inspectionId),
    index('rectifications_entity_idx').on(t.entityId),
    check('rectifications_status_ck', sql`${t.status} in ('ordered','evidence_submitted','closed','extended')`),
  ],
);
