import { eq } from 'drizzle-orm';
import type { Inspection, InspectionStatus, WithdrawInspectionInput } from '../../../../contracts/inspections.js';
import { inspections } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { originOf } from '../origins.js';
import { presentInspection } from '../presenter.js';
import { visibleInspection } from '../queries.js';
import { inspectionWorkflow } from '../workflow.js';
import { refreshInspectionSummary } from '../summary.js';

/**
 * Withdraw (撤回) a recorded inspection with a reason, e.g. recorded on the wrong unit. While its
 * origin is in force (a task of a published plan) it goes back to 待检查 with the values the origin
 * restores (due date and drawn inspectors), so the task is open again and coverage no longer counts
 * it; any other becomes 已取消. Applies only to the version that was read.
 */
export async function withdrawInspection(ctx: Ctx, id: number, input: WithdrawInspectionInput): Promise<Inspection> {
  const r = await visibleInspection(ctx, id);
  await assertVersion(r.version, input.version, () => presentInspection(ctx, ctx.db, id));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
    const origin = originOf(ctx.ext, before);
    const planned = origin ? await origin.restore(tx, before) : null;
    await inspectionWorkflow.apply(tx, ctx, {
      action: 'withdraw',
      state: before.status as InspectionStatus,
      facts: { originInForce: !!planned, complete: true },
      note: input.reason,
      change: (to) =>
        updateVersioned(
          tx,
          inspections,
          id,
          input.version,
          to === 'planned' && planned
            ? {
                status: 'planned',
                date: planned.date,
                dueFrom: planned.dueFrom,
                inspectorIds: planned.inspectorIds,
                note: null,
                cancelReason: null,
                recordedBy: null,
                recordedAt: null,
                updatedAt: new Date(),
              }
            : { status: 'cancelled', cancelReason: `撤回：${input.reason}`, updatedAt: new Date() },
          () => presentInspection(ctx, tx, id),
        ),
      audit: {
        action: 'inspection.withdraw',
        entityType: 'inspection',
        entityId: id,
        jurisdictionId: r.jurisdiction_id,
        summary: `撤回检查记录 #${id}（${planned ? '恢复为待检查' : '改为已取消'}）：${input.reason}`,
        before,
      },
    });
    await refreshInspectionSummary(tx, [before.entityId]);
  });
  return presentInspection(ctx, ctx.db, id);
}
