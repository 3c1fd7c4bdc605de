import type { Ctx } from '../../../core/context.js';
import { tableWorkbook } from '../../../core/xlsx.js';
import { listPublication } from './list-publication.js';

/** 双随机抽查结果公示表: unit, credit code, date, result, measures — ready to publish. */
export async function exportPublication(ctx: Ctx, q: { from?: string; to?: string }): Promise<Buffer> {
  const items = await listPublication(ctx, q);
  return tableWorkbook(
    '抽查结果公示',
    [
      { header: '序号', width: 6 },
      { header: '被检查单位', width: 32 },
      { header: '统一社会信用代码', width: 22 },
      { header: '检查日期', width: 12 },
      { header: '检查结果', width: 16 },
      { header: '处置措施', width: 26 },
      { header: '公示截止日期', width: 14 },
    ],
    items.map((x, i) => [i + 1, x.entityName, x.creditCode ?? '', x.date, x.result, x.measures, x.publishBy]),
  );
}
