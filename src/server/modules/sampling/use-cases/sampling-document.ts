import { PRODUCT_CATEGORIES, SAMPLING_LEVELS } from '../../../../contracts/sampling.js';
import type { Ctx } from '../../../core/context.js';
import { renderDocument } from '../../../core/documents/index.js';
import { documentUnit } from '../../entities/public.js';
import { bureauNameOf } from '../../org/public.js';
import { presentRecord } from '../presenter.js';

/**
 * A sampling record's 抽样单 as .docx (the bundled template or the bureau's own): the sampled unit as
 * registered, the sample, the task it came from, the samplers, with lines for their signatures and
 * the unit's confirmation — printed to be signed on site.
 */
export async function samplingDocument(ctx: Ctx, id: number): Promise<{ file: Buffer; name: string }> {
  const r = await presentRecord(ctx, ctx.db, id);
  const [unit, bureauName] = await Promise.all([documentUnit(ctx.db, r.entityId, r.entityName), bureauNameOf(ctx.db, r.stationId)]);
  const level = r.planLevel ? SAMPLING_LEVELS[r.planLevel] : '监督抽检（计划外）';
  const file = renderDocument('samplingRecord', {
    number: r.number,
    bureauName,
    unit,
    source: r.planName ? `${level}：${r.planName}` : level,
    category: PRODUCT_CATEGORIES[r.category],
    productName: r.productName,
    specification: r.specification,
    batchNo: r.batchNo,
    manufacturer: r.manufacturer,
    quantity: `${r.quantity} ${r.quantityUnit}`,
    sampledOn: r.sampledOn,
    samplers: r.samplers.map((s) => s.name),
    labName: r.labName,
    note: r.note,
  });
  return { file, name: `抽样单-${r.number}-${r.productName}.docx` };
}
