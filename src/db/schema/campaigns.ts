import { sql } from 'drizzle-orm';
import { check, customType, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { jurisdictions, orgUnits } from './org.js';
import { users } from './people.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A campaign (专项行动) of one bureau. Its plan lives in versioned definitions; `version`
 * points at the current one. Scoped by the owning bureau's jurisdiction.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: serial('id').primaryKey(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    templateCode: text('template_code'),
    // Null while the plan's period is 方案未定 (the office sets it by amendment).
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_jurisdiction_idx').on(t.jurisdictionId),
    check('campaigns_status_ck', sql`${t.status} in ('draft','active','closed')`),
    check('campaigns_name_ck', sql`char_length(${t.name}) between 1 and 100`),
  ],
);

/** Every version of a campaign's definition; amendments append, nothing is overwritten. */
export const campaignVersions = pgTable(
  'campaign_versions',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    authorId: integer('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaign_versions_uq').on(t.campaignId, t.version)],
);

/** 联络员报名表 (seed 003 附件7 / seed 004 附件4): one row per reporting unit, filled in by that unit. */
export const campaignLiaisons = pgTable(
  'campaign_liaisons',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    department: text('department'),
    title: text('title'),
    officePhone: text('office_phone'),
    mobile: text('mobile'),
    email: text('email'),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    /** Optimistic-concurrency version: +1 on every change; updates must name the version they read (core/versions.ts). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaign_liaisons_uq').on(t.campaignId, t.orgUnitId)],
);

/** Progress of one task item (细化序号) by one responsible unit, with its evidence. */
export const campaignTaskProgress = pgTable(
  'campaign_task_progress',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    taskNo: integer('task_no').notNull(),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id, { onDelete: 'restrict' }),
    status: text('status').notNull().default('todo'),
    note: text('note'),
    /** [{ name, url? , fileId?, size?, mime? }] */
    evidence: jsonb('evidence')
      .notNull()
      .default(sql`'[]'::jsonb`),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
    /** Optimistic-concurrency version: +1 on every change; updates must name the version they read (core/versions.ts). */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campaign_task_progress_uq').on(t.campaignId, t.taskNo, t.orgUnitId),
    check('campaign_task_progress_status_ck', sql`${t.status} in ('todo','doing','done','blocked')`),
  ],
);

/** Evidence files uploaded against task progress (bytes stored in the database). */
export const campaignFiles = pgTable(
  'campaign_files',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    orgUnitId: integer('org_unit_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_files_campaign_idx').on(t.campaignId)],
);
