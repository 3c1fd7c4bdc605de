import { and, eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../contracts/calendar.js';
import type { DbOrTx } from '../../../db/client.js';
import { inspections } from '../../../db/schema/index.js';
import { rows } from '../../core/sql.js';
import { bumpVersion } from '../../core/versions.js';

/**
 * Planned inspections as planning creates and adjusts them (through inspections/public.ts): the
 * only writes to the inspection table outside this module's own use cases. Each runs in the
 * caller's transaction, which also writes the plan's audit row.
 */

/** Every task of a plan becomes a planned inspection, in one statement however many tasks. */
export async function createPlannedForPlan(tx: DbOrTx, planId: number, periodTo: string | null) {
  await tx.execute(sql`insert into inspections (plan_task_id, plan_id, entity_id, jurisdiction_id, date, due_from, inspector_ids, status)
    select t.id, t.plan_id, t.entity_id, t.jurisdiction_id, coalesce(t.due_to, ${periodTo}::date, ${shanghaiToday()}::date), t.due_from, t.inspector_ids, 'planned'
    from plan_tasks t where t.plan_id = ${planId}`);
}

/** One task added to a published plan. */
export async function createPlannedForTask(
  tx: DbOrTx,
  t: {
    id: number;
    planId: number;
    entityId: number;
    jurisdictionId: number;
    dueFrom: string | null;
    dueTo: string | null;
    inspectorIds: number[];
  },
  periodTo?: string | null,
) {
  await tx.insert(inspections).values({
    planTaskId: t.id,
    planId: t.planId,
    entityId: t.entityId,
    jurisdictionId: t.jurisdictionId,
    date: t.dueTo ?? periodTo ?? shanghaiToday(),
    dueFrom: t.dueFrom,
    inspectorIds: t.inspectorIds,
    status: 'planned',
  });
}

/** Cancel the open (planned) inspections of a plan, or of one task; returns their ids. */
export async function cancelPlanned(tx: DbOrTx, where: { planId: number } | { planTaskId: number }, reason: string) {
  const cond = 'planId' in where ? sql`plan_id = ${where.planId}` : sql`plan_task_id = ${where.planTaskId}`;
  return rows<{ id: number }>(
    tx,
    sql`update inspections set status = 'cancelled', cancel_reason = ${reason}, updated_at = now(), version = version + 1 where ${cond} and status = 'planned' returning id`,
  );
}

/** Reassign the people of a task's open inspection. */
export async function reassignPlanned(tx: DbOrTx, planTaskId: number, inspectorIds: number[]) {
  await tx
    .update(inspections)
    .set({ inspectorIds, updatedAt: new Date(), version: bumpVersion(inspections) })
    .where(and(eq(inspections.planTaskId, planTaskId), eq(inspections.status, 'planned')));
}

/** Whether a task has a done inspection (then it may not leave its plan). */
export async function taskHasDoneInspection(db: DbOrTx, planTaskId: number) {
  return (await rows(db, sql`select 1 from inspections where plan_task_id = ${planTaskId} and status = 'done' limit 1`)).length > 0;
}
