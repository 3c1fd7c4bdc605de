import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { ExtendRectificationInput, RectificationStatus, RectificationView } from '../../../../contracts/inspections.js';
import { rectifications } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentRectificationById, visibleRectification } from '../rectification-queries.js';
import { rectificationWorkflow } from '../workflow.js';
import { refreshInspectionSummary } from '../summary.js';

/** Give a rectification a later deadline, with a reason (申请延期 granted by the station). */
export async function extendRectification(ctx: Ctx, id: number, input: ExtendRectificationInput): Promise<RectificationView> {
  const r = await visibleRectification(ctx, id);
  await assertVersion(r.version, input.version, () => presentRectificationById(ctx, id));
  rectificationWorkflow.take(ctx.actor, 'extend', r.status, { note: input.reason });
  if (input.deadline < shanghaiToday()) throw invalid('新的整改期限不能早于今天', [{ path: 'deadline', message: '不能早于今天' }]);
  if (input.deadline <= r.deadline) throw invalid('新的整改期限须晚于原期限', [{ path: 'deadline', message: `须晚于 ${r.deadline}` }]);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(rectifications).where(eq(rectifications.id, id)).for('update');
    await rectificationWorkflow.apply(tx, ctx, {
      action: 'extend',
      state: before.status as RectificationStatus,
      note: input.reason,
      change: (to) =>
        updateVersioned(tx, rectifications, id, input.version, { status: to, deadline: input.deadline, updatedAt: new Date() }, () =>
          presentRectificationById(ctx, id, tx),
        ),
      audit: {
        action: 'rectification.extend',
        entityType: 'rectification',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `整改事项 #${id}（${r.entity_name}）延期至 ${input.deadline}：${input.reason}`,
        before: { status: before.status, deadline: before.deadline },
        after: (x) => ({ status: x.status, deadline: x.deadline, reason: input.reason }),
      },
    });
    await refreshInspectionSummary(tx, [before.entityId]);
  });
  return presentRectificationById(ctx, id);
}
