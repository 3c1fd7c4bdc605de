import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { entities } from './entities.js';
import { users } from './people.js';

/**
 * The risk register (风险清单 / 风险隐患排查台账): one row per risk hazard, owned by a person, closed
 * (销号) only with evidence and by someone else. `source_type`/`source_id` name the record of another
 * module it came from (a finding, a sampling result …), one risk per source record.
 */
export const risks = pgTable(
  'risks',
  {
    id: serial('id').primaryKey(),
    /** The station (or the bureau) whose register holds it: scope and distribution key. */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    channel: text('channel').notNull(),
    sourceType: text('source_type'),
    sourceId: integer('source_id'),
    category: text('category').notNull(),
    productTags: text('product_tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    title: text('title').notNull(),
    description: text('description').notNull(),
    level: text('level').notNull(),
    controlMeasure: text('control_measure'),
    ownerId: integer('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    foundOn: date('found_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    closureNote: text('closure_note'),
    closedBy: integer('closed_by').references(() => users.id, { onDelete: 'set null' }),
    closedOn: date('closed_on', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('risks_jurisdiction_status_deadline_idx').on(t.jurisdictionId, t.status, t.deadline),
    index('risks_jurisdiction_found_idx').on(t.jurisdictionId, t.foundOn),
    index('risks_jurisdiction_closed_idx').on(t.jurisdictionId, t.closedOn),
    index('risks_owner_status_idx').on(t.ownerId, t.status),
    // Open risks by deadline: overdue lists and counts over a whole area (the 工作台, 逾期 filter) read this alone.
    index('risks_open_deadline_idx')
      .on(t.deadline, t.jurisdictionId)
      .where(sql`${t.status} <> 'closed'`),
    uniqueIndex('risks_source_uq').on(t.sourceType, t.sourceId),
    check('risks_status_ck', sql`${t.status} in ('open','controlling','closure_requested','closed')`),
    check('risks_level_ck', sql`${t.level} in ('general','major','serious')`),
    check('risks_category_ck', sql`${t.category} in ('drug','device','cosmetics')`),
    check('risks_source_ck', sql`(${t.sourceType} is null) = (${t.sourceId} is null)`),
  ],
);

/** The units a risk concerns. */
export const riskEntities = pgTable(
  'risk_entities',
  {
    riskId: integer('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.entityId] }), index('risk_entities_entity_idx').on(t.entityId)],
);

/** A common risk (共性风险隐患): many risks or findings grouped as one 普遍性、多发性问题. */
export const commonRisks = pgTable(
  'common_risks',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    analysis: text('analysis'),
    controlMeasure: text('control_measure').notNull(),
    removed: boolean('removed').notNull().default(false),
    removedOn: date('removed_on', { mode: 'string' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('common_risks_jurisdiction_created_idx').on(t.jurisdictionId, t.createdAt),
    check('common_risks_category_ck', sql`${t.category} in ('drug','device','cosmetics')`),
  ],
);

/** Members of a common risk: a risk of the register or an inspection finding (exactly one). */
export const commonRiskMembers = pgTable(
  'common_risk_members',
  {
    id: serial('id').primaryKey(),
    commonRiskId: integer('common_risk_id')
      .notNull()
      .references(() => commonRisks.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    riskId: integer('risk_id').references(() => risks.id, { onDelete: 'cascade' }),
    findingId: integer('finding_id'),
  },
  (t) => [
    uniqueIndex('common_risk_members_risk_uq').on(t.commonRiskId, t.riskId),
    uniqueIndex('common_risk_members_finding_uq').on(t.commonRiskId, t.findingId),
    index('common_risk_members_risk_idx').on(t.riskId),
    check('common_risk_members_one_ck', sql`(${t.riskId} is null) <> (${t.findingId} is null)`),
  ],
);

/** The units a common risk concerns (those of its members when grouped). */
export const commonRiskEntities = pgTable(
  'common_risk_entities',
  {
    commonRiskId: integer('common_risk_id')
      .notNull()
      .references(() => commonRisks.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commonRiskId, t.entityId] }), index('common_risk_entities_entity_idx').on(t.entityId)],
);

/** A risk or case consultation meeting (风险会商 / 案件会商) held at a station, county or city. */
export const consultations = pgTable(
  'consultations',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    kind: text('kind').notNull(),
    /** station / county / city: the holder's level when held. */
    level: text('level').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    host: text('host').notNull(),
    participants: text('participants')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('consultations_jurisdiction_held_idx').on(t.jurisdictionId, t.heldOn),
    check('consultations_kind_ck', sql`${t.kind} in ('risk','case')`),
    check('consultations_level_ck', sql`${t.level} in ('station','county','city')`),
  ],
);

/** An item discussed at a consultation: its decision and who follows it up. */
export const consultationItems = pgTable(
  'consultation_items',
  {
    id: serial('id').primaryKey(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    seq: integer('seq').notNull(),
    topic: text('topic').notNull(),
    decision: text('decision'),
    followUpUserId: integer('follow_up_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('consultation_items_consultation_idx').on(t.consultationId)],
);

/** The records an item concerns (type from the `consultationLinks` point: 'risk', later 'case'). */
export const consultationItemLinks = pgTable(
  'consultation_item_links',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => consultationItems.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    linkType: text('link_type').notNull(),
    linkId: integer('link_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.linkType, t.linkId] }), index('consultation_item_links_link_idx').on(t.linkType, t.linkId)],
);
