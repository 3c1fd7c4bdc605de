import { eq } from 'drizzle-orm';
import type { Inspection, InspectionStatus } from '../../../../contracts/inspections.js';
import { inspections } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { bumpVersion } from '../../../core/versions.js';
import { presentInspection } from '../presenter.js';
import { visibleInspection } from '../queries.js';
import { inspectionWorkflow } from '../workflow.js';

/** Cancel a planned inspection (停业、搬迁…) with a reason; coverage then shows it as still missing. */
export async function cancelInspection(ctx: Ctx, id: number, reason: string): Promise<Inspection> {
  const r = await visibleInspection(ctx, id);
  inspectionWorkflow.take(ctx.actor, 'cancel', r.status, { note: reason }); // fail fast before the transaction
  await ctx.db.transaction(async (tx) => {
    // The row is locked and its status checked again: a racing record or cancel cannot both win.
    const [before] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
    await inspectionWorkflow.apply(tx, ctx, {
      action: 'cancel',
      state: before.status as InspectionStatus,
      note: reason,
      change: async (to) =>
        (
          await tx
            .update(inspections)
            .set({ status: to, cancelReason: reason, updatedAt: new Date(), version: bumpVersion(inspections) })
            .where(eq(inspections.id, id))
            .returning()
        )[0],
      audit: {
        action: 'inspection.cancel',
        entityType: 'inspection',
        entityId: id,
        jurisdictionId: r.jurisdiction_id,
        summary: `取消检查 #${id}：${reason}`,
        before,
      },
    });
  });
  return presentInspection(ctx, ctx.db, id);
}
