import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { invalid } from '../../core/errors.js';

/** A table read from an upload: the header row and every data row with its row number in the file. */
export interface RawTable {
  headers: string[];
  rows: { n: number; cells: string[] }[];
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GBK/GB18030 (what Excel on Chinese Windows saves). */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  if (buf[0] === 0xfe && buf[1] === 0xff) return iconv.decode(buf.subarray(2), 'utf16be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CR/LF inside quotes); the delimiter is guessed from the first line. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delim = [',', '\t', ';'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0];
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

function pad(n: number) {
  return String(n).padStart(2, '0');
}

/** A cell as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

async function readXlsx(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as any);
  } catch {
    throw invalid('无法读取 Excel 文件，请确认是 .xlsx 格式');
  }
  const ws = wb.worksheets.find((w) => w.state !== 'hidden' && w.rowCount > 0) ?? wb.worksheets[0];
  if (!ws) throw invalid('Excel 文件中没有工作表');
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => (cells[c - 1] = cellText(cell.value)));
    out[n - 1] = Array.from(cells, (x) => x ?? '');
  });
  return Array.from(out, (x) => x ?? []);
}

/** Read an uploaded .xlsx or .csv into a table; the first non-empty row is the header. */
export async function readTable(buf: Buffer, fileName: string): Promise<RawTable> {
  const isZip = buf[0] === 0x50 && buf[1] === 0x4b;
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls') && !isZip) throw invalid('不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 或 CSV');
  const grid = isZip ? await readXlsx(buf) : parseCsv(decodeText(buf));
  const trimmed = grid.map((r) => r.map((c) => (c ?? '').replace(/\u00a0/g, ' ').trim()));
  const h = trimmed.findIndex((r) => r.some((c) => c !== ''));
  if (h < 0) throw invalid('文件为空');
  const headers = trimmed[h];
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const rows: RawTable['rows'] = [];
  for (let i = h + 1; i < trimmed.length; i++) {
    const cells = trimmed[i].slice(0, Math.max(headers.length, 1));
    if (cells.every((c) => c === '')) continue;
    rows.push({ n: i + 1, cells });
  }
  return { headers, rows };
}
