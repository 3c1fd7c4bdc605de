import { shanghaiToday } from '../../../../contracts/calendar.js';
import { PRODUCT_CATEGORIES, type CreateSamplingRecordInput, type SamplingRecord } from '../../../../contracts/sampling.js';
import { samplingRecords } from '../../../../db/schema/index.js';
import { audit } from '../../../core/audit.js';
import type { Ctx } from '../../../core/context.js';
import { invalid } from '../../../core/errors.js';
import { allocateSamplingNumber } from '../numbers.js';
import { presentRecord } from '../presenter.js';
import { assertPlanLine, assertSamplers, bureauOf, entityInArea } from '../queries.js';

/**
 * Record a sample taken at a unit of the caller's area (抽样记录): product, batch, manufacturer,
 * quantity, the two samplers, the day, and the plan line it counts for. Numbered per bureau and year.
 */
export async function recordSampling(ctx: Ctx, input: CreateSamplingRecordInput): Promise<SamplingRecord> {
  if (input.sampledOn > shanghaiToday()) throw invalid('抽样日期不能晚于今天', [{ path: 'sampledOn', message: '不能晚于今天' }]);
  const e = await entityInArea(ctx, input.entityId);
  await assertSamplers(ctx.db, e.path, input.samplerIds);
  const year = Number(input.sampledOn.slice(0, 4));
  if (input.planLineId) await assertPlanLine(ctx.db, input.planLineId, e.path, year, input.category);
  const bureauId = await bureauOf(ctx.db, e.path, e.jurisdiction_id);
  const id = await ctx.db.transaction(async (tx) => {
    const no = await allocateSamplingNumber(tx, bureauId, year);
    const [row] = await tx
      .insert(samplingRecords)
      .values({
        number: no.text,
        bureauId,
        year,
        seq: no.seq,
        entityId: e.id,
        jurisdictionId: e.jurisdiction_id,
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
        status: 'sampled',
        recordedBy: ctx.actor.id,
      })
      .returning();
    await audit(tx, ctx, {
      action: 'sampling.record',
      entityType: 'sampling_record',
      entityId: row.id,
      jurisdictionId: row.jurisdictionId,
      summary: `抽样 ${no.text}：${e.name}，${PRODUCT_CATEGORIES[input.category]} ${input.productName}（批号 ${input.batchNo}）`,
      after: row,
    });
    return row.id;
  });
  return presentRecord(ctx, ctx.db, id);
}
