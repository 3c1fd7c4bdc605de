import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { entities } from './entities.js';
import { users } from './people.js';

/**
 * Credit grading (信用分级分类). The scoring rule is versioned data (`credit_rules`, one row per
 * version, the highest in force; none = the bundled default, version 0). A computation run scores
 * every unit of an area (or one unit) and keeps each unit's score with its breakdown
 * (`credit_scores`); grade changes are kept as the unit's history; the current grade lives on
 * `entities.credit_grade`, which the planner reads.
 */
export const creditRules = pgTable(
  'credit_rules',
  {
    id: serial('id').primaryKey(),
    version: integer('version').notNull().unique(),
    definition: jsonb('definition').notNull(),
    reason: text('reason'),
    /** The author's jurisdiction. */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('credit_rules_version_ck', sql`${t.version} >= 1`)],
);

export const creditRuns = pgTable(
  'credit_runs',
  {
    id: serial('id').primaryKey(),
    /** area: every graded unit under `path`; unit: one unit. */
    scope: text('scope').notNull(),
    /** The area's root jurisdiction (or the unit's station). */
    jurisdictionId: integer('jurisdiction_id').notNull(),
    path: text('path').notNull(),
    entityId: integer('entity_id').references(() => entities.id, { onDelete: 'cascade' }),
    ruleVersion: integer('rule_version').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    windowFrom: date('window_from', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('queued'),
    unitCount: integer('unit_count'),
    changedCount: integer('changed_count'),
    message: text('message'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('credit_runs_jurisdiction_idx').on(t.jurisdictionId, t.id),
    check('credit_runs_scope_ck', sql`${t.scope} in ('area','unit')`),
    check('credit_runs_status_ck', sql`${t.status} in ('queued','running','done','failed')`),
  ],
);

/**
 * A unit's score in one run. `counts` holds the occurrences of each indicator of the run's rule
 * version, in the rule's order; the breakdown (count × points each, capped) follows from that
 * immutable rule version. No foreign keys on purpose: a province run writes 200,000 rows in one
 * statement and a per-row key check doubled its time; rows go with their run (deleted by run id).
 */
export const creditScores = pgTable(
  'credit_scores',
  {
    runId: integer('run_id').notNull(),
    entityId: integer('entity_id').notNull(),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    score: real('score').notNull(),
    computedGrade: text('computed_grade').notNull(),
    /** The grade given: the computed one, or an approved override in force. */
    grade: text('grade').notNull(),
    previousGrade: text('previous_grade'),
    overrideId: integer('override_id'),
    counts: integer('counts').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.entityId] }), index('credit_scores_entity_idx').on(t.entityId, t.runId)],
);

/** Manual override of a unit's grade (人工调整): requested → approved | rejected by a second person. */
export const creditOverrides = pgTable(
  'credit_overrides',
  {
    id: serial('id').primaryKey(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    grade: text('grade').notNull(),
    computedGrade: text('computed_grade'),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on', { mode: 'string' }),
    /** The rule version in force when requested: a later version ends the override. */
    ruleVersion: integer('rule_version').notNull(),
    status: text('status').notNull().default('requested'),
    requestedBy: integer('requested_by').references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('credit_overrides_entity_idx').on(t.entityId, t.status),
    index('credit_overrides_jurisdiction_idx').on(t.jurisdictionId, t.status),
    check('credit_overrides_grade_ck', sql`${t.grade} in ('A','B','C','D')`),
    check('credit_overrides_status_ck', sql`${t.status} in ('requested','approved','rejected')`),
  ],
);

/** Grade history: every change of a unit's current grade, by a run or an approved override. */
export const creditGradeChanges = pgTable(
  'credit_grade_changes',
  {
    id: serial('id').primaryKey(),
    entityId: integer('entity_id')
      .notNull()
      .references(() => entities.id, { onDelete: 'cascade' }),
    jurisdictionId: integer('jurisdiction_id').notNull(),
    runId: integer('run_id').references(() => creditRuns.id, { onDelete: 'set null' }),
    overrideId: integer('override_id').references(() => creditOverrides.id, { onDelete: 'set null' }),
    fromGrade: text('from_grade'),
    toGrade: text('to_grade'),
    source: text('source').notNull(),
    score: real('score'),
    ruleVersion: integer('rule_version'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_grade_changes_entity_idx').on(t.entityId, t.id),
    check('credit_grade_changes_source_ck', sql`${t.source} in ('computed','override')`),
  ],
);
