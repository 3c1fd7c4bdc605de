import { eq } from 'drizzle-orm';
import type { SamplingRecord, SamplingStatus } from '../../../../contracts/sampling.js';
import { samplingFollowUps, samplingRecords } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentRecord } from '../presenter.js';
import { visibleRecord } from '../queries.js';
import { samplingWorkflow } from '../workflow.js';

const NOT_DELIVERED = () => new AppError('ILLEGAL_TRANSITION', '检验报告尚未送达被抽样单位，不能办结核查处置', 409);

/** Close the follow-up of an 不合格 result (处置完毕, with the outcome): 不合格 → 已处置, once the report was served on the unit. */
export async function handleSampling(ctx: Ctx, id: number, input: { note: string; version: number }): Promise<SamplingRecord> {
  const r = await visibleRecord(ctx, id);
  await assertVersion(r.version, input.version, () => presentRecord(ctx, ctx.db, id));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(samplingRecords).where(eq(samplingRecords.id, id)).for('update');
    const [f] = await tx.select().from(samplingFollowUps).where(eq(samplingFollowUps.recordId, id));
    // Role and state first (403/409 as the table says), then the fact.
    samplingWorkflow.take(ctx.actor, 'handle', before.status as SamplingStatus, { facts: { delivered: true }, note: input.note });
    if (!f?.deliveredOn) throw NOT_DELIVERED();
    await samplingWorkflow.apply(tx, ctx, {
      action: 'handle',
      state: before.status as SamplingStatus,
      facts: { delivered: true },
      note: input.note,
      change: async (to) => {
        const after = await updateVersioned(tx, samplingRecords, id, input.version, { status: to, updatedAt: new Date() }, () =>
          presentRecord(ctx, tx, id),
        );
        await tx
          .update(samplingFollowUps)
          .set({ handledNote: input.note, updatedAt: new Date() })
          .where(eq(samplingFollowUps.recordId, id));
        return after;
      },
      audit: {
        action: 'sampling.handle',
        entityType: 'sampling_record',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `抽检不合格处置完毕 ${before.number}：${input.note}`,
        before: { status: before.status },
        after: (row) => ({ status: row.status, note: input.note }),
      },
    });
  });
  return presentRecord(ctx, ctx.db, id);
}
