import { eq } from 'drizzle-orm';
import { shanghaiToday } from '../../../../contracts/calendar.js';
import type { EditSamplingRecordInput, SamplingRecord, SamplingStatus } from '../../../../contracts/sampling.js';
import { samplingRecords } from '../../../../db/schema/index.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { assertVersion, updateVersioned } from '../../../core/versions.js';
import { presentRecord } from '../presenter.js';
import { assertPlanLine, assertSamplers, entityInArea, visibleRecord } from '../queries.js';
import { samplingWorkflow } from '../workflow.js';

/** Correct a record before its result is in (更正, with a reason), from the version read. The year (and so the number) stays. */
export async function editSamplingRecord(
  ctx: Ctx,
  id: number,
  { reason, version, ...input }: EditSamplingRecordInput,
): Promise<SamplingRecord> {
  const r = await visibleRecord(ctx, id);
  const current = () => presentRecord(ctx, ctx.db, id);
  await assertVersion(r.version, version, current);
  samplingWorkflow.take(ctx.actor, 'edit', r.status, { note: reason });
  if (input.sampledOn > shanghaiToday()) throw invalid('抽样日期不能晚于今天', [{ path: 'sampledOn', message: '不能晚于今天' }]);
  const e = await entityInArea(ctx, r.entity_id);
  await assertSamplers(ctx.db, e.path, input.samplerIds);
  const year = Number(input.sampledOn.slice(0, 4));
  if (input.planLineId) await assertPlanLine(ctx.db, input.planLineId, e.path, year, input.category);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(samplingRecords).where(eq(samplingRecords.id, id)).for('update');
    if (year !== before.year) throw invalid('抽样日期不能改到其他年度（抽样单编号按年度编排），请撤销后重新录入');
    await samplingWorkflow.apply(tx, ctx, {
      action: 'edit',
      state: before.status as SamplingStatus,
      note: reason,
      change: () =>
        updateVersioned(
          tx,
          samplingRecords,
          id,
          version,
          {
            planLineId: input.planLineId ?? null,
            category: input.category,
            productName: input.productName,
            batchNo: input.batchNo,
            manufacturer: input.manufacturer,
            specification: input.specification || null,
            quantity: input.quantity,
            quantityUnit: input.quantityUnit,
            samplerIds: [...new Set(input.samplerIds)],
            sampledOn: input.sampledOn,
            note: input.note || null,
            updatedAt: new Date(),
          },
          () => presentRecord(ctx, tx, id),
        ),
      audit: {
        action: 'sampling.edit',
        entityType: 'sampling_record',
        entityId: id,
        jurisdictionId: before.jurisdictionId,
        summary: `更正抽样记录 ${before.number}：${reason}`,
        before,
      },
    });
  });
  return presentRecord(ctx, ctx.db, id);
}
