import { desc, eq, sql } from 'drizzle-orm';
import type { Inspection, RecordInspectionInput } from '../../../../contracts/plans.js';
import { inspections } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { assertInspectorPool, rows } from '../queries.js';
import { transition } from '../workflow.js';
import { presentInspection } from './get-inspection.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';

/**
 * Record a completed inspection: either a plan task (its planned inspection becomes done) or an
 * unplanned inspection of a unit. Coverage counts it at once.
 */
export async function recordInspection(ctx: Ctx, input: RecordInspectionInput): Promise<Inspection> {
  if (input.date > shanghaiToday()) throw invalid('检查日期不能晚于今天');
  if (new Set(input.inspectorIds).size < 2) throw invalid('现场检查人员不得少于2人');
  let target: { entityId: number; stationId: number; stationPath: string; taskId: number | null; planId: number | null; inspectionId: number | null; status: string | null };
  if (input.planTaskId) {
    const [t] = await rows(
      ctx.db,
      sql`select t.id, t.plan_id, t.entity_id, t.jurisdiction_id, j.path, i.id as inspection_id, i.status
          from plan_tasks t join jurisdictions j on j.id = t.jurisdiction_id
          left join lateral (select id, status from inspections x where x.plan_task_id = t.id order by x.id desc limit 1) i on true
          where t.id = ${input.planTaskId}`,
    );
    if (!t || !pathInScope(ctx.actor, t.path)) throw notFound('计划任务');
    target = { entityId: t.entity_id, stationId: t.jurisdiction_id, stationPath: t.path, taskId: t.id, planId: t.plan_id, inspectionId: t.inspection_id, status: t.status };
  } else {
    const [e] = await rows(ctx.db, sql`select e.id, e.jurisdiction_id, j.path from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${input.entityId!}`);
    if (!e || !pathInScope(ctx.actor, e.path)) throw notFound('检查对象');
    target = { entityId: e.id, stationId: e.jurisdiction_id, stationPath: e.path, taskId: null, planId: null, inspectionId: null, status: null };
  }
  await assertInspectorPool(ctx.db, target.stationId, input.inspectorIds);
  const values = { date: input.date, inspectorIds: input.inspectorIds, note: input.note ?? null, status: 'done', recordedBy: ctx.actor.id || null, recordedAt: new Date(), updatedAt: new Date() };
  if (target.inspectionId) transition('record', target.status!); // fail fast on what was read
  const id = await ctx.db.transaction(async (tx) => {
    let row;
    let before = null;
    if (target.taskId) {
      // Recordings of one task are serialised on the task row, then its latest inspection is read
      // again: of two racing recordings only one wins, the other is refused as a repeat.
      await tx.execute(sql`select id from plan_tasks where id = ${target.taskId} for update`);
      const [latest] = await tx.select().from(inspections).where(eq(inspections.planTaskId, target.taskId)).orderBy(desc(inspections.id)).limit(1);
      if (latest) {
        transition('record', latest.status);
        target.inspectionId = latest.id;
        before = latest;
      }
    }
    if (target.inspectionId) {
      [row] = await tx.update(inspections).set(values).where(eq(inspections.id, target.inspectionId)).returning();
    } else {
      [row] = await tx
        .insert(inspections)
        .values({ ...values, planTaskId: target.taskId, planId: target.planId, entityId: target.entityId, jurisdictionId: target.stationId })
        .returning();
    }
    await audit(tx, ctx, {
      action: 'inspection.record',
      entityType: 'inspection',
      entityId: row.id,
      jurisdictionId: target.stationId,
      summary: `录入检查：对象 #${target.entityId}，${input.date}${target.taskId ? `（计划任务 #${target.taskId}）` : '（计划外）'}`,
      before,
      after: row,
    });
    return row.id;
  });
  return presentInspection(ctx.db, id);
}
