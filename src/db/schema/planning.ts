import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { entities } from './entities.js';
import { jurisdictions } from './org.js';
import { users } from './people.js';

/**
 * Inspection plans (检查计划) generated from a campaign's quota rules. A plan keeps the seed and the
 * rules it was made from, so it can be reproduced and re-checked; tasks are per unit and visit.
 * `jurisdiction_id` is the campaign's area (the bureau); tasks carry their station's.
 */
export const plans = pgTable(
  'plans',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'restrict' }),
    campaignVersion: integer('campaign_version').notNull(),
    jurisdictionId: integer('jurisdiction_id')
      .notNull()
      .references(() => jurisdictions.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    seed: integer('seed').notNull(),
    /** Quota rules, period and phases as planned (snapshot of the campaign definition). */
    rules: jsonb('rules').notNull(),
    period: jsonb('period').notNull(),
    status: text('status').notNull().default('draft'),
    /** The proven minimum number of tasks for the rules (LP bound) and whether the plan reached it. */
    minimum: integer('minimum').notNull(),
    optimal: boolean('optimal').notNull(),
    /** Shortfalls, inspector issues and warnings found when the plan was generated. */
    findings: jsonb('findings')
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** A published plan replaced by a later one of the same campaign (its open inspections were cancelled). */
    supersededBy: integer('superseded_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plans_campaign_idx').on(t.campaignId),
    index('plans_jurisdiction_idx').on(t.jurisdictionId),
    check('plans_status_ck', sql`${t.status} in ('draft','published','superseded')`),
  ],
);

/** One planned visit of one unit: when it is due, which rules it serves, who was drawn to go. */
export const planTasks = pgTable(
  'plan_tasks',
  {
    id: serial('id').primaryKey(),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'restrict' }),
    /** The station's jurisdiction (scope and distribution key). */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    visit: smallint('visit').notNull().default(1),
    dueFrom: date('due_from', { mode: 'string' }),
    dueTo: date('due_to', { mode: 'string' }),
    /** [{ ruleId, requirementKey }] */
    rules: jsonb('rules')
      .notNull()
      .default(sql`'[]'::jsonb`),
    inspectorIds: integer('inspector_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    /** Why the unit weighed more in the draw (high_risk, repeat_offender, key_area, key_object). */
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Added or changed by hand after generation. */
    manual: boolean('manual').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_tasks_plan_jurisdiction_idx').on(t.planId, t.jurisdictionId),
    uniqueIndex('plan_tasks_plan_entity_visit_uq').on(t.planId, t.entityId, t.visit),
  ],
);

/** Declared conflicts of interest: this person must not inspect this unit (回避). */
export const inspectorConflicts = pgTable(
  'inspector_conflicts',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('inspector_conflicts_uq').on(t.userId, t.entityId), index('inspector_conflicts_entity_idx').on(t.entityId)],
);
