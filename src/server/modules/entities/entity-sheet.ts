import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../../contracts/entities.js';

const WIDTH: Record<string, number> = { name: 30, creditCode: 22, kind: 20, licenceNumber: 22, address: 34, tags: 24, licenceScope: 24 };

/**
 * A workbook in the import layout: the template (empty) and the export (filled) share it, so an
 * exported list can be edited and imported again. Coded columns get drop-downs from a hidden 代码表.
 */
export function entityWorkbook(rows: Record<string, string>[] = [], dropdownRows = 2000) {
  const wb = new ExcelJS.Workbook();
  wb.creator = '药监通';
  const ws = wb.addWorksheet('监管对象', { views: [{ state: 'frozen', ySplit: 1 }] });
  const codes = wb.addWorksheet('代码表', { state: 'hidden' });
  ws.columns = IMPORT_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: WIDTH[c.field] ?? 14, style: { numFmt: '@' } }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  IMPORT_COLUMNS.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFFE58F' : 'FFE6F4FF' } };
    if (c.note || c.required) cell.note = [c.required ? '必填' : '', c.note ?? ''].filter(Boolean).join('；');
  });
  let codeCol = 1;
  // At least row 2: an empty export (no rows, no drop-down rows) would give an inverted range (C2:C1).
  const last = Math.max(dropdownRows, rows.length + 1, 2);
  IMPORT_COLUMNS.forEach((c, i) => {
    if (!c.options) return;
    const opts = c.options();
    codes.getCell(1, codeCol).value = c.header;
    opts.forEach((o, k) => (codes.getCell(k + 2, codeCol).value = o));
    const letter = codes.getColumn(codeCol).letter;
    const colLetter = ws.getColumn(i + 1).letter;
    (ws as any).dataValidations.add(`${colLetter}2:${colLetter}${last}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`代码表!$${letter}$2:$${letter}$${opts.length + 1}`],
      showErrorMessage: true,
      errorTitle: '无效的值',
      error: `请从下拉列表中选择${c.header}`,
    });
    codeCol++;
  });
  for (const r of rows) ws.addRow(r);
  return wb;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}
