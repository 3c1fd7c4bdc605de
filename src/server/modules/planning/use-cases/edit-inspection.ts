import { and, eq, sql } from 'drizzle-orm';
import type { EditInspectionInput, Inspection } from '../../../../contracts/plans.js';
import { inspections } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { conflict, invalid, notFound } from '../../../core/errors.js';
import { pathInScope } from '../../../core/scope.js';
import { assertInspectorPool, peopleNames, rows } from '../queries.js';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import { transition } from '../workflow.js';
import { inspectionVersion, presentInspection } from './get-inspection.js';

/**
 * Correct a recorded inspection (date, inspectors, note) with a reason. Applies only to the version
 * that was read: a change in between (another edit, a withdrawal) is refused with 409.
 */
export async function editInspection(ctx: Ctx, id: number, input: EditInspectionInput): Promise<Inspection> {
  const [r] = await rows(ctx.db, sql`select i.status, i.jurisdiction_id, i.inspector_ids, j.path from inspections i join jurisdictions j on j.id = i.jurisdiction_id where i.id = ${id}`);
  if (!r || !pathInScope(ctx.actor, r.path)) throw notFound('检查记录');
  transition('edit', r.status);
  if (input.date > shanghaiToday()) throw invalid('检查日期不能晚于今天');
  if (new Set(input.inspectorIds).size < 2) throw invalid('现场检查人员不得少于2人');
  // People added to the record must be of the station's inspector pool (and no name is echoed); those already on it stay.
  const had = new Set<number>(r.inspector_ids ?? []);
  await assertInspectorPool(ctx.db, r.jurisdiction_id, input.inspectorIds.filter((i) => !had.has(i)));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
    transition('edit', before.status);
    const [same] = await rows(tx, sql`select ${inspectionVersion(sql`updated_at`)} = ${input.updatedAt} as ok from inspections where id = ${id}`);
    if (!same?.ok) throw conflict('该检查记录已被他人修改，请刷新后重试');
    const [after] = await tx
      .update(inspections)
      .set({ date: input.date, inspectorIds: input.inspectorIds, note: input.note ?? null, updatedAt: new Date() })
      .where(and(eq(inspections.id, id), eq(inspections.status, 'done')))
      .returning();
    await audit(tx, ctx, {
      action: 'inspection.edit',
      entityType: 'inspection',
      entityId: id,
      jurisdictionId: r.jurisdiction_id,
      summary: `修改检查记录 #${id}：${input.reason}`,
      before,
      after: { ...after, reason: input.reason },
    });
  });
  return presentInspection(ctx.db, id);
}
