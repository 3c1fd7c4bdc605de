import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { SamplingRecord, SamplingStatus, SendSamplingRecordInput } from '../../../../contracts/sampling.js';
import { samplingRecords } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentRecord } from '../presenter.js';
import { visibleRecord } from '../queries.js';
import { samplingWorkflow } from '../workflow.js';

/** Send the sample to the lab (送检): 已抽样 → 检验中. */
export async function sendSamplingRecord(ctx: Ctx, id: number, input: SendSamplingRecordInput): Promise<SamplingRecord> {
  const r = await visibleRecord(ctx, id);
  await assertVersion(r.version, input.version, () => presentRecord(ctx, ctx.db, id));
  if (input.sentOn > shanghaiToday()) throw invalid('送检日期不能晚于今天', [{ path: 'sentOn', message: '不能晚于今天' }]);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(samplingRecords).where(eq(samplingRecords.id, id)).for('update');
    if (input.sentOn < before.sampledOn) throw invalid('送检日期不能早于抽样日期', [{ path: 'sentOn', message: '不能早于抽样日期' }]);
    await samplingWorkflow.apply(tx, ctx, {
      action: 'send',
      state: before.status as SamplingStatus,
      change: (to) =>
        updateVersioned(
          tx,
          samplingRecords,
          id,
          input.version,
          { status: to, labName: input.labName, sentOn: input.sentOn, updatedAt: new Date() },
          () => presentRecord(ctx, tx, id),
        ),
      audit: {
        action: 'sampling.send',
        entityType: 'sampling_record',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `送检 ${before.number}：${input.labName}（${input.sentOn}）`,
        before: { status: before.status },
        after: (row) => ({ status: row.status, labName: input.labName, sentOn: input.sentOn }),
      },
    });
  });
  return presentRecord(ctx, ctx.db, id);
}
