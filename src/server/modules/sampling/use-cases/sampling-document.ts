import { sql } from 'drizzle-orm';
import { PRODUCT_CATEGORIES, SAMPLING_LEVELS } from '../../../../contracts/sampling.js';
import type { Ctx } from '../../../core/context.js';
import { renderDocument } from '../../../core/documents/index.js';
import { rows } from '../../../core/sql.js';
import { presentRecord } from '../presenter.js';

/**
 * A sampling record's 抽样单 as .docx (the bundled template or the bureau's own): the sampled unit as
 * registered, the sample, the task it came from, the samplers, with lines for their signatures and
 * the unit's confirmation — printed to be signed on site.
 */
export async function samplingDocument(ctx: Ctx, id: number): Promise<{ file: Buffer; name: string }> {
  const r = await presentRecord(ctx, ctx.db, id);
  const [[u], [bureau]] = await Promise.all([
    rows<{ name: string; address: string | null; credit_code: string | null; legal_rep: string | null; licence_no: string | null }>(
      ctx.db,
      sql`select e.name, e.address, e.credit_code, e.legal_representative as legal_rep,
            (select l.number from entity_licences l where l.entity_id = e.id order by l.id limit 1) as licence_no
          from entities e where e.id = ${r.entityId}`,
    ),
    rows<{ name: string }>(
      ctx.db,
      sql`select u.name from org_units u join jurisdictions j on j.id = u.jurisdiction_id
          where u.kind = 'bureau' and (select path from jurisdictions where id = ${r.stationId}) like j.path || '%'
          order by length(j.path) desc limit 1`,
    ),
  ]);
  const level = r.planLevel ? SAMPLING_LEVELS[r.planLevel] : '监督抽检（计划外）';
  const file = renderDocument('samplingRecord', {
    number: r.number,
    bureauName: bureau?.name ?? '市场监督管理局',
    unit: {
      name: u?.name ?? r.entityName,
      address: u?.address ?? null,
      licenceNo: u?.licence_no ?? null,
      creditCode: u?.credit_code ?? null,
      legalRepresentative: u?.legal_rep ?? null,
    },
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
