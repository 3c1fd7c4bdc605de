import { IMPORT_COLUMNS } from '../../../contracts/entities.js';
import { xlsxWriter } from '../../core/xlsx.js';

const WIDTH: Record<string, number> = {
  name: 30,
  creditCode: 22,
  kind: 20,
  licenceNumber: 22,
  address: 34,
  tags: 24,
  products: 30,
  licenceScope: 24,
};

/**
 * A workbook in the import layout: the template (empty) and the export (filled) share it, so an
 * exported list can be edited and imported again. Coded columns get drop-downs from a hidden 代码表.
 * Written with the streaming writer: each row is committed (serialised) as it is added.
 */
export async function entityWorkbook(rows: Record<string, string>[] = [], dropdownRows = 2000): Promise<Buffer> {
  const { wb, done } = xlsxWriter();
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
  // At least row 2: an empty export (no rows, no drop-down rows) would give an inverted range (C2:C1).
  const last = Math.max(dropdownRows, rows.length + 1, 2);
  const lists: { header: string; options: string[] }[] = [];
  IMPORT_COLUMNS.forEach((c, i) => {
    if (!c.options) return;
    const options = c.options();
    lists.push({ header: c.header, options });
    const letter = codes.getColumn(lists.length).letter;
    const colLetter = ws.getColumn(i + 1).letter;
    (ws as any).dataValidations.add(`${colLetter}2:${colLetter}${last}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [`代码表!$${letter}$2:$${letter}$${options.length + 1}`],
      showErrorMessage: true,
      errorTitle: '无效的值',
      error: `请从下拉列表中选择${c.header}`,
    });
  });
  head.commit();
  // Empty values are left out (no cell written; the column's text format still applies when one is typed in).
  for (const r of rows) ws.addRow(withoutEmpty(r)).commit();
  ws.commit();
  codes.addRow(lists.map((l) => l.header)).commit();
  const longest = Math.max(0, ...lists.map((l) => l.options.length));
  for (let k = 0; k < longest; k++) codes.addRow(lists.map((l) => l.options[k] ?? null)).commit();
  codes.commit();
  return done();
}

function withoutEmpty(r: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const k in r) if (r[k] !== '' && r[k] != null) out[k] = r[k];
  return out;
}
