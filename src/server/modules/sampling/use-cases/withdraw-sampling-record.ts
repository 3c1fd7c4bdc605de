import { eq } from 'drizzle-orm';
import type { SamplingRecord, SamplingStatus } from '../../../../contracts/sampling.js';
import { samplingRecords } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentRecord } from '../presenter.js';
import { visibleRecord } from '../queries.js';
import { samplingWorkflow } from '../workflow.js';

/** Withdraw (撤销) a record before its result is in, with a reason: it no longer counts toward plans or measures; its number is not reused. */
export async function withdrawSamplingRecord(ctx: Ctx, id: number, input: { reason: string; version: number }): Promise<SamplingRecord> {
  const r = await visibleRecord(ctx, id);
  await assertVersion(r.version, input.version, () => presentRecord(ctx, ctx.db, id));
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(samplingRecords).where(eq(samplingRecords.id, id)).for('update');
    await samplingWorkflow.apply(tx, ctx, {
      action: 'withdraw',
      state: before.status as SamplingStatus,
      note: input.reason,
      change: (to) =>
        updateVersioned(tx, samplingRecords, id, input.version, { status: to, withdrawReason: input.reason, updatedAt: new Date() }, () =>
          presentRecord(ctx, tx, id),
        ),
      audit: {
        action: 'sampling.withdraw',
        entityType: 'sampling_record',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `撤销抽样记录 ${before.number}：${input.reason}`,
        before: { status: before.status },
        after: (row) => ({ status: row.status, withdrawReason: input.reason }),
      },
    });
  });
  return presentRecord(ctx, ctx.db, id);
}
