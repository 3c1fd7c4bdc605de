import { desc, eq, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { Inspection, InspectionStatus, RecordInspectionInput } from '../../../../contracts/inspections.js';
import { inspections } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid, notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { rows } from '../../../core/sql.js';
import { bumpVersion } from '../../../core/versions.js';
import { presentInspection } from '../presenter.js';
import { assertInspectorPool } from '../queries.js';
import { inspectionWorkflow } from '../workflow.js';

/**
 * Record a completed inspection: either a plan task (its planned inspection becomes done) or an
 * unplanned inspection of a unit. Coverage counts it at once.
 */
export async function recordInspection(ctx: Ctx, input: RecordInspectionInput): Promise<Inspection> {
  if (input.date > shanghaiToday()) throw invalid('检查日期不能晚于今天');
  if (new Set(input.inspectorIds).size < 2) throw invalid('现场检查人员不得少于2人');
  let stationId: number;
  let entityId: number;
  if (input.planTaskId) {
    // The task's planned inspection (created when its plan was published) is what gets recorded.
    const [t] = await rows<{ id: number; status: InspectionStatus; entity_id: number; jurisdiction_id: number; path: string }>(
      ctx.db,
      sql`select i.id, i.status, i.entity_id, i.jurisdiction_id, j.path from inspections i join jurisdictions j on j.id = i.jurisdiction_id
          where i.plan_task_id = ${input.planTaskId} order by i.id desc limit 1`,
    );
    if (!t || !pathInScope(ctx.actor, t.path)) throw notFound('计划任务');
    inspectionWorkflow.take(ctx.actor, 'record', t.status); // fail fast on what was read
    stationId = t.jurisdiction_id;
    entityId = t.entity_id;
  } else {
    const [e] = await rows<{ id: number; jurisdiction_id: number; path: string }>(
      ctx.db,
      sql`select e.id, e.jurisdiction_id, j.path from entities e join jurisdictions j on j.id = e.jurisdiction_id where e.id = ${input.entityId!}`,
    );
    if (!e || !pathInScope(ctx.actor, e.path)) throw notFound('检查对象');
    stationId = e.jurisdiction_id;
    entityId = e.id;
  }
  await assertInspectorPool(ctx.db, stationId, input.inspectorIds);
  const values = { date: input.date, inspectorIds: input.inspectorIds, note: input.note ?? null, recordedBy: ctx.actor.id || null, recordedAt: new Date(), updatedAt: new Date() };
  const id = await ctx.db.transaction(async (tx) => {
    const summary = `录入检查：对象 #${entityId}，${input.date}${input.planTaskId ? `（计划任务 #${input.planTaskId}）` : '（计划外）'}`;
    if (input.planTaskId) {
      // Recordings of one task are serialised on its latest inspection row, read again under the
      // lock: of two racing recordings only one wins, the other is refused as a repeat.
      const [before] = await tx.select().from(inspections).where(eq(inspections.planTaskId, input.planTaskId)).orderBy(desc(inspections.id)).limit(1).for('update');
      const row = await inspectionWorkflow.apply(tx, ctx, {
        action: 'record',
        state: before.status as InspectionStatus,
        change: async (to) => (await tx.update(inspections).set({ ...values, status: to, version: bumpVersion(inspections) }).where(eq(inspections.id, before.id)).returning())[0],
        audit: { action: 'inspection.record', entityType: 'inspection', entityId: before.id, jurisdictionId: stationId, summary, before },
      });
      return row.id;
    }
    const [row] = await tx.insert(inspections).values({ ...values, status: 'done', entityId, jurisdictionId: stationId }).returning();
    await audit(tx, ctx, { action: 'inspection.record', entityType: 'inspection', entityId: row.id, jurisdictionId: stationId, summary, before: null, after: row });
    return row.id;
  });
  return presentInspection(ctx, ctx.db, id);
}
