import { eq, sql } from 'drizzle-orm';
import type { Complaint } from '../../../../contracts/complaints.js';
import { complaintRewards, complaints } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertVersion } from '../../../core/versions.js';
import { workCalendar } from '../../calendar/public.js';
import { presentComplaint, visibleComplaint } from '../queries.js';
import { getComplaint } from './get-complaint.js';

/** 申请举报奖励: amount and reason for an accepted report; approved by someone else (decide-reward). */
export async function requestReward(ctx: Ctx, id: number, input: { amount: number; reason: string; version: number }): Promise<Complaint> {
  await visibleComplaint(ctx.db, ctx.actor, id);
  const cal = await workCalendar(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
    await assertVersion(before.version, input.version, () => presentComplaint(tx, ctx.actor, cal, id));
    if (before.kind !== 'report') throw new AppError('ILLEGAL_TRANSITION', '只有举报可以申请奖励', 409);
    if (before.status !== 'accepted' && before.status !== 'replied')
      throw new AppError('ILLEGAL_TRANSITION', '举报受理后才能申请奖励', 409);
    const [dup] = await tx.select({ id: complaintRewards.id }).from(complaintRewards).where(eq(complaintRewards.complaintId, id));
    if (dup) throw new AppError('CONFLICT', '该举报已申请过奖励', 409);
    const [row] = await tx
      .insert(complaintRewards)
      .values({
        complaintId: id,
        jurisdictionId: before.jurisdictionId,
        amount: input.amount.toFixed(2),
        reason: input.reason,
        requestedBy: ctx.actor.id,
      })
      .returning();
    await tx
      .update(complaints)
      .set({ updatedAt: new Date(), version: sql`${complaints.version} + 1` })
      .where(eq(complaints.id, id));
    await audit(tx, ctx, {
      action: 'complaint.reward_request',
      entityType: 'complaint',
      entityId: id,
      jurisdictionId: before.jurisdictionId,
      summary: `申请举报奖励 ${input.amount.toFixed(2)} 元：${before.summary}`,
      after: { amount: row.amount, reason: row.reason, rewardStatus: row.status },
    });
  });
  return getComplaint(ctx, id);
}
