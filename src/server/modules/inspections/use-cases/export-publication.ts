import type { Ctx } from '../../../core/context.js';
import { xlsxWriter } from '../../../core/xlsx.js';
import { listPublication } from './list-publication.js';

/** 双随机抽查结果公示表: unit, credit code, date, result, measures — ready to publish. */
export async function exportPublication(ctx: Ctx, q: { from?: string; to?: string }): Promise<Buffer> {
  const items = await listPublication(ctx, q);
  const w = xlsxWriter();
  const ws = w.wb.addWorksheet('抽查结果公示');
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '被检查单位', width: 32 },
    { header: '统一社会信用代码', width: 22 },
    { header: '检查日期', width: 12 },
    { header: '检查结果', width: 16 },
    { header: '处置措施', width: 26 },
    { header: '公示截止日期', width: 14 },
  ];
  ws.getRow(1).font = { bold: true };
  items.forEach((x, i) => ws.addRow([i + 1, x.entityName, x.creditCode ?? '', x.date, x.result, x.measures, x.publishBy]).commit());
  ws.commit();
  return w.done();
}
