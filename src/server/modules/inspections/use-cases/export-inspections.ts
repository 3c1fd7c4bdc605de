import { sql } from 'drizzle-orm';
import { INSPECTION_KINDS, INSPECTION_STATUSES, MEASURE_KINDS, type ListInspectionsQuery } from '../../../../contracts/inspections.js';
import type { Ctx } from '../../../core/context.js';
import { rows } from '../../../core/sql.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { inspectionFilter, LIST_COLUMNS, presentListRows } from '../list-query.js';

/** The most rows one export holds (a county's year is a few thousand). */
export const EXPORT_MAX = 50_000;

/** 检查记录 with the list's filters as an Excel file. */
export async function exportInspections(ctx: Ctx, q: ListInspectionsQuery): Promise<Buffer> {
  const list = await rows(
    ctx.db,
    sql`select ${LIST_COLUMNS} from inspections i join entities e on e.id = i.entity_id join jurisdictions j on j.id = i.jurisdiction_id
        where ${inspectionFilter(ctx, q)} order by i.date desc, i.id desc limit ${EXPORT_MAX}`,
  );
  const items = await presentListRows(ctx, list);
  return tableWorkbook(
    '检查记录',
    [
      { header: '检查日期', width: 12 },
      { header: '检查方式', width: 14 },
      { header: '状态', width: 8 },
      { header: '被检查单位', width: 30 },
      { header: '统一社会信用代码', width: 22 },
      { header: '监管所', width: 14 },
      { header: '检查人员', width: 18 },
      { header: '问题数', width: 8 },
      { header: '处置措施', width: 26 },
      { header: '未销号整改', width: 10 },
      { header: '笔录编号', width: 22 },
    ],
    items.map((x) => [
      x.date,
      INSPECTION_KINDS[x.kind],
      INSPECTION_STATUSES[x.status],
      x.entityName,
      x.creditCode ?? '',
      x.stationName,
      x.inspectors.map((p) => p.name).join('、'),
      x.findings,
      x.measures.map((m) => MEASURE_KINDS[m]).join('、'),
      x.openRectifications,
      x.recordNo ?? '',
    ]),
  );
}
