import ExcelJS from 'exceljs';
import type { Ctx } from '../../../core/context.js';
import { campaignHome } from './campaign-home.js';

/** The liaison register as an Excel workbook, columns as in seed 003 附件7 / seed 004 附件4. */
export async function exportLiaisons(ctx: Ctx, id: number) {
  const home = await campaignHome(ctx, id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('联络员');
  ws.addRow([`${home.campaign.name} 联络员报名表`]);
  ws.mergeCells(1, 1, 1, 7);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(['单位名称', '姓名', '所在部门', '职务', '办公电话', '移动电话', '电子邮箱']).font = { bold: true };
  for (const r of home.liaisons) {
    const l = r.liaison;
    ws.addRow([
      r.unitName,
      l?.name ?? '（未填报）',
      l?.department ?? '',
      l?.title ?? '',
      l?.officePhone ?? '',
      l?.mobile ?? '',
      l?.email ?? '',
    ]);
  }
  ws.columns.forEach((c, i) => (c.width = [28, 10, 16, 12, 16, 16, 24][i]));
  return { buf: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${home.campaign.name}-联络员.xlsx` };
}
