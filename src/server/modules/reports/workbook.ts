import type ExcelJS from 'exceljs';
import type { RollupResult, TableResult } from '../../../contracts/reports.js';
import { xlsxWriter } from '../../core/xlsx.js';

type Column = TableResult['columns'][number];
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTER = { horizontal: 'center', vertical: 'middle', wrapText: true } as const;

const header = (c: Column) => (c.unit ? `${c.label}（${c.unit}）` : c.label);

/**
 * The header block of a table in its seed's layout: the first column's caption merged down, group
 * labels (`groups`, outermost first) merged across adjacent columns that share them, each column's
 * label with its unit at the bottom, merged up where it has fewer group levels. Returns the next row.
 */
function writeHeaders(ws: ExcelJS.Worksheet, top: number, first: string, columns: Column[], extra: string[] = []) {
  const depth = Math.max(0, ...columns.map((c) => c.groups.length)) + 1;
  for (let r = 0; r < depth; r++) {
    const cells: string[] = [first];
    columns.forEach((c) => cells.push(r < c.groups.length ? c.groups[r] : header(c)));
    cells.push(...extra);
    const row = ws.getRow(top + r);
    cells.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = { bold: true };
      cell.alignment = CENTER;
      cell.border = BORDER;
    });
  }
  if (depth > 1) {
    ws.mergeCells(top, 1, top + depth - 1, 1);
    extra.forEach((_, k) => ws.mergeCells(top, columns.length + 2 + k, top + depth - 1, columns.length + 2 + k));
  }
  // Group labels: merge runs of adjacent columns with the same group path at each level.
  for (let r = 0; r < depth - 1; r++) {
    let i = 0;
    while (i < columns.length) {
      const c = columns[i];
      if (r >= c.groups.length) {
        i++;
        continue;
      }
      const pathOf = (x: Column) => x.groups.slice(0, r + 1).join('\u0000');
      let j = i;
      while (j + 1 < columns.length && columns[j + 1].groups.length > r && pathOf(columns[j + 1]) === pathOf(c)) j++;
      if (j > i) ws.mergeCells(top + r, i + 2, top + r, j + 2);
      i = j + 1;
    }
  }
  // A column's own label spans from below its last group to the bottom header row.
  columns.forEach((c, i) => {
    if (c.groups.length < depth - 1) ws.mergeCells(top + c.groups.length, i + 2, top + depth - 1, i + 2);
  });
  return top + depth;
}

function titleRows(ws: ExcelJS.Worksheet, width: number, title: string, unit: string, period: string) {
  ws.mergeCells(1, 1, 1, width);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { bold: true, size: 16 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const half = Math.max(1, Math.floor(width / 2));
  ws.mergeCells(2, 1, 2, half);
  ws.getCell(2, 1).value = `填报单位（盖章）：${unit}`;
  if (width > half) {
    ws.mergeCells(2, half + 1, 2, width);
    ws.getCell(2, half + 1).value = `时间：${period}`;
    ws.getCell(2, half + 1).alignment = { horizontal: 'right' };
  } else ws.getCell(3, 1).value = `时间：${period}`;
  return width > half ? 3 : 4;
}

const cellValue = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'boolean' ? (v ? '是' : '否') : (v as string | number));

function bodyRow(ws: ExcelJS.Worksheet, at: number, values: unknown[], columns: Column[], bold = false) {
  const row = ws.getRow(at);
  values.forEach((v, i) => {
    const cell = row.getCell(i + 1);
    cell.value = cellValue(v);
    cell.border = BORDER;
    cell.alignment = i === 0 || typeof v === 'string' ? { vertical: 'middle', wrapText: true } : CENTER;
    if (bold) cell.font = { bold: true };
    const col = columns[i - 1];
    if (col?.decimals && typeof v === 'number') cell.numFmt = `0.${'0'.repeat(col.decimals)}`;
  });
}

function widths(ws: ExcelJS.Worksheet, first: number, n: number) {
  ws.getColumn(1).width = first;
  for (let i = 2; i <= n; i++) ws.getColumn(i).width = 14;
}

/** One table in its seed's layout: title, 填报单位（盖章）, 时间, multi-level headers, rows, 注. */
export async function statTableWorkbook(t: TableResult): Promise<Buffer> {
  const w = xlsxWriter();
  const ws = w.wb.addWorksheet(t.label.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const width = t.columns.length + 1;
  widths(ws, t.free ? 8 : 24, width);
  // Text columns (a 问题清单's problems and measures) get room to wrap.
  t.columns.forEach((c, i) => c.type === 'text' && (ws.getColumn(i + 2).width = 40));
  let at = titleRows(ws, width, t.label, t.jurisdiction.name, t.period.label);
  at = writeHeaders(ws, at, t.free ? '序号' : '类别', t.columns);
  for (const r of t.rows) bodyRow(ws, at++, [r.label, ...t.columns.map((c) => r.cells[c.key]?.value ?? null)], t.columns);
  if (t.note) {
    ws.mergeCells(at, 1, at, width);
    ws.getCell(at, 1).value = `注：${t.note}`;
    ws.getCell(at, 1).alignment = { wrapText: true };
  }
  ws.commit();
  return w.done();
}

/** The roll-up grid: units as rows (each unit below, the own level, 合计), the table's columns. */
export async function rollupWorkbook(g: RollupResult): Promise<Buffer> {
  const w = xlsxWriter();
  const ws = w.wb.addWorksheet('汇总');
  const ranked = !!g.sort;
  const width = g.columns.length + 1 + (ranked ? 1 : 0);
  widths(ws, 24, width);
  let at = titleRows(ws, width, `${g.label}（${g.row.label}·汇总）`, g.jurisdiction.name, g.period.label);
  at = writeHeaders(ws, at, '单位', g.columns, ranked ? ['排名'] : []);
  for (const l of g.lines)
    bodyRow(ws, at++, [l.name, ...g.columns.map((c) => l.values[c.key] ?? null), ...(ranked ? [l.rank] : [])], g.columns);
  bodyRow(ws, at++, ['合计', ...g.columns.map((c) => g.totals[c.key] ?? null), ...(ranked ? [null] : [])], g.columns, true);
  ws.commit();
  return w.done();
}
