import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
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
    inspectorIds: integer('inspector_ids').array().notNull().default(sql`'{}'::integer[]`),
    status: text('status').notNull().default('planned'),
    note: text('note'),
    cancelReason: text('cancel_reason'),
    recordedBy: integer('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Optimistic-concurrency version (core/versions.ts). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('inspections_entity_status_date_idx').on(t.entityId, t.status, t.date),
    index('inspections_jurisdiction_status_date_idx').on(t.jurisdictionId, t.status, t.date),
    index('inspections_plan_task_idx').on(t.planTaskId),
    index('inspections_plan_idx').on(t.planId),
    check('inspections_status_ck', sql`${t.status} in ('planned','done','cancelled')`),
    check('inspections_note_ck', sql`${t.note} is null or char_length(${t.note}) <= 2000`),
  ],
);
