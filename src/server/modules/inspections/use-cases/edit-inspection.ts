import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { EditInspectionInput, Inspection, InspectionStatus } from '../../../../contracts/inspections.js';
import { inspections } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentInspection } from '../presenter.js';
import { assertInspectorPool, visibleInspection } from '../queries.js';
import { inspectionWorkflow } from '../workflow.js';
import { refreshInspectionSummary } from '../summary.js';

/**
 * Correct a recorded inspection (date, inspectors, note) with a reason. Applies only to the version
 * that was read: a change in between (another edit, a withdrawal) is refused with 409 STALE_VERSION.
 */
export async function editInspection(ctx: Ctx, id: number, input: EditInspectionInput): Promise<Inspection> {
  const r = await visibleInspection(ctx, id);
  const current = () => presentInspection(ctx, ctx.db, id);
  await assertVersion(r.version, input.version, current);
  inspectionWorkflow.take(ctx.actor, 'edit', r.status, { note: input.reason });
  if (input.date > shanghaiToday()) throw invalid('检查日期不能晚于今天');
  if (new Set(input.inspectorIds).size < 2) throw invalid('现场检查人员不得少于2人');
  // People added to the record must be of the station's inspector pool (and no name is echoed); those already on it stay.
  const had = new Set<number>(r.inspector_ids ?? []);
  await assertInspectorPool(
    ctx.db,
    r.jurisdiction_id,
    input.inspectorIds.filter((i) => !had.has(i)),
  );
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
    await inspectionWorkflow.apply(tx, ctx, {
      action: 'edit',
      state: before.status as InspectionStatus,
      note: input.reason,
      change: () =>
        updateVersioned(
          tx,
          inspections,
          id,
          input.version,
          { date: input.date, inspectorIds: input.inspectorIds, note: input.note ?? null, updatedAt: new Date() },
          () => presentInspection(ctx, tx, id),
        ),
      audit: {
        action: 'inspection.edit',
        entityType: 'inspection',
        entityId: id,
        jurisdictionId: r.jurisdiction_id,
        summary: `修改检查记录 #${id}：${input.reason}`,
        before,
      },
    });
    await refreshInspectionSummary(tx, [before.entityId]);
  });
  return presentInspection(ctx, ctx.db, id);
}
