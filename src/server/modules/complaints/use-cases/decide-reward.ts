import { eq, sql } from 'drizzle-orm';
import type { Complaint, RewardStatus } from '../../../../contracts/complaints.js';
import { complaintRewards, complaints } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertVersion } from '../../../core/versions.js';
import { workCalendar } from '../../calendar/public.js';
import { presentComplaint, visibleComplaint } from '../queries.js';
import { rewardWorkflow } from '../workflow.js';
import { getComplaint } from './get-complaint.js';

/** 审批举报奖励: approve or reject (with reason) — never by the person who requested it. */
export async function decideReward(
  ctx: Ctx,
  id: number,
  input: { approve: boolean; note?: string | null; version: number },
): Promise<Complaint> {
  await visibleComplaint(ctx.db, ctx.actor, id);
  const cal = await workCalendar(ctx.db);
  const note = input.note?.trim() || null;
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
    await assertVersion(c.version, input.version, () => presentComplaint(tx, ctx.actor, cal, id));
    const [before] = await tx.select().from(complaintRewards).where(eq(complaintRewards.complaintId, id)).for('update');
    if (!before) throw new AppError('ILLEGAL_TRANSITION', '该举报尚未申请奖励', 409);
    const action = input.approve ? 'approve' : 'reject';
    rewardWorkflow.take(ctx.actor, action, before.status as RewardStatus, { note });
    if (before.requestedBy === ctx.actor.id) throw new AppError('FOUR_EYES', '奖励须由申请人以外的领导审批', 403);
    await rewardWorkflow.apply(tx, ctx, {
      action,
      state: before.status as RewardStatus,
      note,
      change: async (to) => {
        await tx
          .update(complaints)
          .set({ updatedAt: new Date(), version: sql`${complaints.version} + 1` })
          .where(eq(complaints.id, id));
        return (
          await tx
            .update(complaintRewards)
            .set({ status: to, decidedBy: ctx.actor.id, decidedAt: new Date(), note })
            .where(eq(complaintRewards.id, before.id))
            .returning()
        )[0];
      },
      audit: {
        action: input.approve ? 'complaint.reward_approve' : 'complaint.reward_reject',
        entityType: 'complaint',
        entityId: id,
        jurisdictionId: c.jurisdictionId,
        summary: `${input.approve ? '批准' : '不予批准'}举报奖励 ${before.amount} 元：${c.summary}${note ? `（${note}）` : ''}`,
        before: { rewardStatus: before.status },
        after: (row) => ({ rewardStatus: row.status, amount: row.amount, note }),
      },
    });
  });
  return getComplaint(ctx, id);
}
