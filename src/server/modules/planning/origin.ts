import { sql } from 'drizzle-orm';
import { rows } from '../../core/sql.js';
import type { InspectionOrigin } from '../inspections/public.js';

/**
 * Plan tasks as an origin of inspections: while the task's plan is published (in force), a
 * withdrawn inspection goes back to the task's due date and drawn inspectors; once the plan is
 * superseded (or the task is gone), it is cancelled instead.
 */
export const planTaskOrigin: InspectionOrigin = {
  key: 'plan_task',
  owns: (row) => row.planTaskId != null,
  async restore(db, row) {
    if (row.planTaskId == null) return null;
    const [t] = await rows<{ date: string; due_from: string | null; inspector_ids: number[] }>(
      db,
      sql`select coalesce(t.due_to, (p.period->>'to')::date, i.date)::text as date, t.due_from::text as due_from, t.inspector_ids
          from plan_tasks t join plans p on p.id = t.plan_id join inspections i on i.id = ${row.id}
          where t.id = ${row.planTaskId} and p.status = 'published'`,
    );
    return t ? { date: t.date, dueFrom: t.due_from, inspectorIds: t.inspector_ids ?? [] } : null;
  },
};
